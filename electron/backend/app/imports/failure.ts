/**
 * An import that cannot go ahead for a reason the user can fix (wrong file, no header, no name
 * column). Its message is shown as it is; any other error is a bug and is reported generically.
 */
export class ImportFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFailure';
  }
}
