/**
 * Render: the report model through the report kind's templates into markup, and the markup into
 * the document tree (root with metadata). The one entry the pipeline calls is `renderDocument`.
 */
import type { StageResult } from '../diagnostics/types.js';
import type { Root } from '../doctree/types.js';
import type { ReportModel } from '../aggregate/index.js';
import { renderTemplate, loadTemplateSet, type TemplateSet } from './templates.js';
import { parseMarkup } from './markup.js';

export { loadTemplateSet, renderTemplate, type TemplateSet } from './templates.js';
export { parseMarkup } from './markup.js';

export interface RenderOptions { draft?: boolean }

export function renderDocument(set: TemplateSet, model: ReportModel, options: RenderOptions = {}): StageResult<Root | null> {
  const markup = renderTemplate(set, model);
  if (markup.diagnostics.length) return { value: null, diagnostics: markup.diagnostics };
  const blocks = parseMarkup(markup.value);
  const root: Root = {
    type: 'root',
    meta: {
      title: model.meta.title,
      author: model.meta.agency.fullName,
      date: model.meta.isoDate,
      ...(options.draft ? { draft: true } : {}),
    },
    children: blocks.value,
  };
  return { value: root, diagnostics: blocks.diagnostics };
}

export { loadTemplateSet as loadTemplates };
