// The texts of a run's files, for the few readers that need them after lowering: code frames of
// findings and the changed lines of a diff. Holding every text for the whole run would keep the
// source of the entire tree in memory through the analysis; a text is read again when asked for.

export class SourceTexts {
  /** Files read and decoded during the run: the ones with a text to give. */
  private readonly readable = new Set<string>();
  /** Texts asked for, kept so that every reader of a file sees the same text. */
  private readonly asked = new Map<string, string | undefined>();

  constructor(private readonly readText: (path: string) => string | undefined) {}

  /** Marks a file as read and decoded during the run. */
  remember(path: string): void {
    this.readable.add(path);
  }

  /** Marks the files another reader of the same tree read as read here too. */
  include(other: SourceTexts): void {
    for (const path of other.readable) this.readable.add(path);
  }

  get(path: string): string | undefined {
    if (!this.readable.has(path)) return undefined;
    if (!this.asked.has(path)) this.asked.set(path, this.readText(path));
    return this.asked.get(path);
  }
}
