/** A half-open span [start, end) in UTF-16 code units (JavaScript string indices). */
export type Span = [number, number];

export interface Quote {
  /** The quoted words; an interrupted quote ("A," she said. "B.") is its parts. */
  span: Span | Span[];
  speaker_span: Span | null;
  speaker: string | null;
  cue_span: Span | null;
  kind: 'direct' | 'indirect' | 'mixed';
  cue_class: 'speech' | 'belief' | 'stance' | 'evidence';
  /** How often quotes found this way were right in training news, 0 to 1. */
  confidence: number;
  text: string;
  speaker_index: number | null;
  found_by: string;
  speaker_by: string | null;
  /** Who set the values: the machine, or the reader (see saidwho's corrections). */
  origin: 'machine' | 'edited' | 'reader';
  /** The values the reader changed ("span", "speaker"); absent when none. */
  edited?: string[];
}

export interface Speaker {
  name: string;
  role: string | null;
  organization: string | null;
  named: boolean;
  quotes: number;
  quoted_words: number;
  views: number;
  mentions: Span[];
  /** The values the reader set ("name", "role", "organization", "named", "merged"); absent when none. */
  edited?: string[];
}

export interface Entity {
  span: Span;
  label: 'PERSON' | 'ORG' | 'LOC' | 'MISC' | 'DATE' | 'TIME' | 'MONEY' | 'PERCENT';
  text: string;
}

export interface Analysis {
  offsets: 'utf-16';
  length: number;
  quotes: Quote[];
  speakers: Speaker[];
  entities: Entity[];
  names: { name: string; label: string; mentions: number[] }[];
}

export interface InitOptions {
  /** Base URL of ner-v4.bin and clauses-v2.bin, or each as a URL or bytes; null: no models. */
  models?: string | URL | { ner?: string | URL | Uint8Array; clauses?: string | URL | Uint8Array } | null;
  /** The WebAssembly module: a URL, or its bytes (Node). */
  wasm?: string | URL | Uint8Array;
}

export default function init(options?: InitOptions): Promise<void>;
export function analyze(text: string): Analysis;
