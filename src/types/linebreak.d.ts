// linebreak ships no types; this is the part Broadsheet uses.
declare module 'linebreak' {
  /** A place the Unicode line breaking algorithm (UAX #14) allows a break: before the character at `position`. */
  interface Break {
    position: number;
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    /** The next place a line may break, or null after the last (the end of the text). */
    nextBreak(): Break | null;
  }
}
