import Papa from 'papaparse';
import { say, type ImportCode } from './said';

/** A problem with a file or one of its rows; line 0 means the file as a whole. */
export interface ImportProblem {
  line: number;
  /** In English; `code` and `params` let the UI write it in its own language. */
  message: string;
  code?: ImportCode;
  params?: string[];
  /** The problem is in the orders file (the customers file when absent). */
  ordersFile?: boolean;
  /** The column of a cell that could not be read, when the problem is one cell. */
  column?: string;
}

export interface TableRow {
  /** 1-based line of the file where the row starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

/**
 * The lines a report export adds below its rows (Salesforce: "Grand Totals (200 records)", its
 * confidentiality and copyright lines): one cell, where a row has many. Not rows at all.
 */
// Not \b: without the u flag it takes Cyrillic letters for non-word characters and "Итого" never matched.
const REPORT_FOOTER = /^(grand totals?|total|confidential information|copyright|итого)(?![\p{L}\p{N}])/iu;

export type Table =
  { ok: true; header: string[]; rows: TableRow[] } | { ok: false; problems: ImportProblem[] };

/** The separator of the header line: the one of comma, semicolon and tab it uses most. */
function detectDelimiter(firstLine: string): string {
  const count = (d: string) => firstLine.split(d).length;
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/**
 * A row longer than this (characters) is not a row but a quote left open: no CRM writes one (Excel
 * holds 32,767 characters a cell). Reading stops there rather than carrying the rest of the file.
 */
const LONGEST_ROW = 8 * 1024 * 1024;

/**
 * Delimited text (comma, semicolon or tab; quoted fields may hold separators and line breaks; any
 * mix of line endings) read piece by piece, so that a large file never has to be one string. The
 * first non-empty row is the header; blank rows and a report's footer lines are left out. A row cut
 * between two pieces is carried over to the next (Papa Parse's parser, told the input goes on,
 * stops before the last row). A quote left open is reported where it opens: it spoils everything
 * after it, so reading stops.
 */
export class RowReader {
  header: string[] | null = null;
  problem: ImportProblem | null = null;
  /** Rows read so far, header and blank rows not counted. */
  rows = 0;
  private carry = '';
  private line = 1;
  private started = false;
  private parser: Papa.Parser | null = null;
  private width = 0;
  // Pieces waiting unread behind a carry that the last reading did not shorten (a long row cut
  // into many small pieces): it is read again once as much text has come, so a few times, not
  // once a piece.
  private waiting: string[] = [];
  private waitingLength = 0;
  private stuck = false;

  /** The rows that `piece` completes; `last` says the text ends with it. */
  push(piece: string, last = false): TableRow[] {
    if (this.problem) return [];
    if (this.stuck && !last && this.waitingLength + piece.length < this.carry.length) {
      this.waiting.push(piece);
      this.waitingLength += piece.length;
      return [];
    }
    let text = this.carry + this.waiting.join('') + piece;
    this.waiting = [];
    this.waitingLength = 0;
    if (!this.started) {
      text = text.replace(/^\uFEFF/, '');
      this.started = /\S/.test(text);
    }
    // A "\r\n" cut between two pieces is one line break: the "\r" waits for the next piece.
    const held = !last && text.endsWith('\r') ? '\r' : '';
    if (held) text = text.slice(0, -1);
    text = text.replace(/\r\n?/g, '\n');
    if (!this.parser) {
      const firstBreak = text.indexOf('\n');
      if (firstBreak < 0 && !last) {
        this.carry = text + held;
        this.stuck = true;
        return [];
      }
      const firstLine = firstBreak < 0 ? text : text.slice(0, firstBreak);
      this.parser = new Papa.Parser({
        delimiter: detectDelimiter(firstLine),
        newline: '\n',
        step: this.step,
      });
    }
    const goesOn = !last && text.length < LONGEST_ROW;
    this.text = text;
    this.cursor = 0;
    this.out = [];
    const result = this.parser.parse(text, 0, goesOn) as Papa.ParseResult<string[]>;
    this.carry = this.problem ? '' : text.slice(result.meta.cursor) + held;
    this.stuck = result.meta.cursor === 0;
    const rows = this.out;
    this.out = [];
    this.text = '';
    return rows;
  }

  // The piece being read, where the last row ended in it, and the rows it completed.
  private text = '';
  private cursor = 0;
  private out: TableRow[] = [];

  // The parser itself (not Papa.parse's wrapper) hands each step its rows: one row.
  private readonly step = (result: Papa.ParseResult<string[]>): void => {
    if (this.problem) return;
    const rowLine = this.line;
    const end = result.meta.cursor;
    const { text } = this;
    for (let i = text.indexOf('\n', this.cursor); i >= 0 && i < end; i = text.indexOf('\n', i + 1))
      this.line++;
    this.cursor = end;
    if (result.errors.some((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes')) {
      this.problem = { line: rowLine, ...say('fileUnclosedQuote') };
      this.parser?.abort();
      return;
    }
    const fields = result.data[0] ?? [];
    if (fields.length === 1 && fields[0]?.trim() === '') return;
    if (this.width > 1 && fields.length === 1 && REPORT_FOOTER.test(fields[0]!.trim())) return;
    if (!this.width) {
      this.width = fields.length;
      this.header = fields.map((f) => f.trim());
      return;
    }
    this.rows++;
    this.out.push({ line: rowLine, fields });
  };

  /** Why the text cannot be read as a table, once it has ended; null when it can. */
  failure(): ImportProblem | null {
    if (this.problem) return this.problem;
    if (!this.started) return { line: 0, ...say('fileEmpty') };
    if (!this.header) return { line: 0, ...say('fileNoHeader') };
    if (!this.rows) return { line: 0, ...say('fileNoRows') };
    return null;
  }
}

/**
 * Reads a whole text at once. `limit` keeps that many rows, for a preview; `partial` says the text
 * is the start of a longer file, so a row it cuts off is left out.
 */
export function readTable(input: string, limit = Infinity, partial = false): Table {
  const reader = new RowReader();
  const rows = reader.push(input, !partial);
  const problem = reader.failure();
  if (problem) return { ok: false, problems: [problem] };
  return { ok: true, header: reader.header!, rows: rows.slice(0, limit) };
}

export class TableError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems[0]?.message ?? 'The file cannot be read.');
  }
}

/** A table's text in order, piece by piece, and how many lines it has (for progress). */
export interface TextPieces {
  lines: number;
  pieces: AsyncIterable<string> | Iterable<string>;
}

/** Lines in a text: its line breaks ("\n", "\r\n" or "\r") and one. */
export function lineCount(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  return lines;
}

/** Where a chunk of rows stands: the rows read by then, of an estimated total. */
export interface ChunkAt {
  read: number;
  total: number;
}

/**
 * Reads the text (whole, or in pieces) in chunks of `size` rows, waiting for `onChunk` to finish
 * with each before reading on, so that a million-row file is never in memory as text or as rows.
 * Rejects with a TableError for a file that cannot be read, or with whatever `onChunk` throws.
 */
export async function streamTable(
  input: string | TextPieces,
  size: number,
  onChunk: (header: string[], rows: TableRow[], at: ChunkAt) => Promise<void>,
): Promise<void> {
  const { lines, pieces } = typeof input === 'string' ? { lines: lineCount(input), pieces: [input] } : input;
  const reader = new RowReader();
  let buffer: TableRow[] = [];
  let read = 0;
  const hand = async (rows: TableRow[], ended: boolean) => {
    read += rows.length;
    // A line still to read is about a row still to import: blank lines and line breaks inside
    // cells make the total an estimate until the end, where it is exact.
    const line = rows.at(-1)?.line ?? lines;
    const total = ended ? read : read + Math.max(0, lines - line);
    await onChunk(reader.header!, rows, { read, total });
  };
  // Not push(...rows): a workbook is one piece, and its 200,000 rows are too many arguments.
  for await (const piece of pieces) {
    buffer = buffer.concat(reader.push(piece));
    if (reader.problem) break;
    let from = 0;
    for (; buffer.length - from >= size; from += size) await hand(buffer.slice(from, from + size), false);
    buffer = buffer.slice(from);
  }
  buffer = buffer.concat(reader.push('', true));
  const problem = reader.failure();
  if (problem) throw new TableError([problem]);
  await hand(buffer, true);
}
