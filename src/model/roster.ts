// The roster of units expected to submit (schemas/roster.schema.json): what `batch --roster` compares the submissions with.

/** One unit expected to submit. */
export interface RosterUnit {
  name: string;
  type: string;
  code?: string;
}

/** A roster file. */
export interface Roster {
  schemaVersion: 1;
  title?: string;
  units: RosterUnit[];
}
