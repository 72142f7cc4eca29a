/**
 * What the template runtime throws while rendering. Line numbers are 0-based within the
 * template text (as nunjucks counts them); render.ts turns this into a DeployError with the
 * line in the file. The `lineno` getter and `Update` method make nunjucks pass the error through
 * untouched (runtime.handleError / lib._prettifyError only wrap errors lacking them).
 */
export type FailureCode = 'UndefinedVariable' | 'TemplateError' | 'TemplateSyntax' | 'TemplateLimit';

export class RenderFailure extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
    /** 0-based line within the template text. */
    readonly textLine: number,
    readonly hint?: string,
  ) {
    super(message);
  }

  get lineno(): number {
    return this.textLine + 1;
  }

  Update(): this {
    return this;
  }
}
