// Typed checklist, as defined in docs/formats.md §2 (after schema validation).
import { localized } from '../i18n/translate.js';
import type { Text } from './text.js';

/** Item kinds: how an item is answered and scored. */
export type ItemKind = 'status' | 'ratio' | 'deduct';

/** One deduction rule of a `deduct` item: `points` off per occurrence. */
export interface Deduction {
  id: string;
  text: Text;
  points: number;
}

/** A checkable item (考核内容). */
export interface Item {
  id: string;
  text: Text;
  basis?: Text;
  guidance?: Text;
  evidence?: Text[];
  points: number;
  /** Defaults to `status`. */
  kind?: ItemKind;
  /** Unit type ids; absent means every unit type. */
  appliesTo?: string[];
  veto?: boolean;
  bonus?: boolean;
  deductions?: Deduction[];
  /**
   * Ids of items of an earlier version that this item takes over (split, renumbered or moved):
   * `migrate` carries an answer to one of them over to this item when it is not kept under its own id.
   */
  replaces?: string[];
}

/** A section (二级指标) grouping items inside an area. */
export interface Section {
  id: string;
  title: Text;
  description?: Text;
  items: Item[];
}

/** An area (一级指标): either `items` or `sections`. */
export interface Area {
  id: string;
  title: Text;
  description?: Text;
  weight?: number;
  items?: Item[];
  sections?: Section[];
}

/** A grade band; grades are listed by descending `min`. */
export interface Grade {
  min: number;
  label: Text;
}

/** Scoring settings; every key optional in the file. */
export interface Scoring {
  partialCredit?: number;
  grades?: Grade[];
  /** Each key defaults to {@link DEFAULT_BONUS}. */
  bonus?: { cap?: number; minBase?: number };
}

/** A category of units the checklist declares. */
export interface UnitType {
  id: string;
  label: Text;
}

/** A whole checklist file. */
export interface Checklist {
  schemaVersion: 1;
  id: string;
  version: string;
  title: Text;
  source?: Text;
  unitTypes: UnitType[];
  scoring?: Scoring;
  areas: Area[];
}

/** Default grades when a checklist gives none (docs/formats.md §2). */
export const DEFAULT_GRADES: Grade[] = [
  { min: 90, label: localized('grade.default.excellent') },
  { min: 80, label: localized('grade.default.good') },
  { min: 60, label: localized('grade.default.pass') },
  { min: 0, label: localized('grade.default.fail') },
];

/** Bonus rule when a checklist gives none, or a key of it (docs/formats.md §2). */
export const DEFAULT_BONUS = { cap: 10, minBase: 80 } as const;

/** Default credit of a `partial` answer. */
export const DEFAULT_PARTIAL_CREDIT = 0.5;

/** An item with where it sits: its area and (optional) section. */
export interface PlacedItem {
  item: Item;
  area: Area;
  section?: Section;
}

/** Lists every item of a checklist in document order with its area and section. */
export function listItems(checklist: Checklist): PlacedItem[] {
  const out: PlacedItem[] = [];
  for (const area of checklist.areas) {
    for (const item of area.items ?? []) out.push({ item, area });
    for (const section of area.sections ?? []) {
      for (const item of section.items) out.push({ item, area, section });
    }
  }
  return out;
}

/** The kind of an item, with the default applied. */
export function kindOf(item: Item): ItemKind {
  return item.kind ?? 'status';
}

/** Whether an item applies to a unit type (no `appliesTo` = every type). */
export function appliesTo(item: Item, unitType: string): boolean {
  return item.appliesTo === undefined || item.appliesTo.includes(unitType);
}

/** The items a unit type is asked, in checklist order. */
export function applyingItems(checklist: Checklist, unitType: string): PlacedItem[] {
  return listItems(checklist).filter((p) => appliesTo(p.item, unitType));
}

/** The grades a checklist uses (its own, or the defaults). */
export function gradesOf(checklist: Checklist): Grade[] {
  const grades = checklist.scoring?.grades;
  return grades && grades.length > 0 ? grades : DEFAULT_GRADES;
}
