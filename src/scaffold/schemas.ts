/**
 * Reading the data schemas for `report new`: the schema of each data file of the report's kind
 * (report.yaml's shared one, the kind's own from its manifest), read when first needed, and a walker that follows the data alongside its schema — `$ref` across files (merged with
 * the keywords beside it, as 2020-12 applies both), properties, additionalProperties, items,
 * and the branches of anyOf/oneOf/allOf that declare a property — so the scaffold can ask, at
 * any place in a file, which format (`x-format`) or shared definition the value has.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface SchemaNode {
  $ref?: string;
  title?: string;
  'x-format'?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  $defs?: Record<string, SchemaNode>;
  [keyword: string]: unknown;
}

/** A schema node together with the file its local `#/…` references resolve in. */
export interface At {
  node: SchemaNode;
  file: string;
  /** Every `$ref` followed to reach this node (`common.schema.json#/$defs/content`, …). */
  refs: string[];
}

export class SchemaSet {
  private readonly files = new Map<string, SchemaNode>();

  /** `byName`: each data file's schema, by data file name (`report`, `investment`, …), as absolute paths. */
  constructor(private readonly byName: Readonly<Record<string, string>>) {}

  private load(file: string): SchemaNode | undefined {
    if (!this.files.has(file)) {
      try {
        this.files.set(file, JSON.parse(readFileSync(file, 'utf8')) as SchemaNode);
      } catch {
        return undefined;
      }
    }
    return this.files.get(file);
  }

  /** The schema of a data file (`report` → report.schema.json), if there is one. */
  root(name: string): At | undefined {
    const file = this.byName[name];
    const node = file ? this.load(file) : undefined;
    return node && file ? this.resolve({ node, file, refs: [] }) : undefined;
  }

  /** Follow `$ref`s, merging each target with the keywords written beside the reference. */
  resolve(at: At): At {
    let { node, file } = at;
    const refs = [...at.refs];
    for (let hops = 0; node.$ref && hops < 20; hops++) {
      const [target = '', pointer = ''] = node.$ref.split('#');
      const targetFile = target === '' ? file : path.resolve(path.dirname(file), target);
      let found: unknown = this.load(targetFile);
      for (const seg of pointer.split('/').filter(Boolean)) found = (found as Record<string, unknown> | undefined)?.[seg];
      if (!found || typeof found !== 'object') break;
      refs.push(`${path.basename(targetFile)}#${pointer}`);
      const { $ref: _ignored, ...beside } = node;
      node = { ...(found as SchemaNode), ...beside };
      file = targetFile;
    }
    return { node, file, refs };
  }

  /** The schema of `key` (a property name or an array index) inside a value of schema `at`. */
  child(at: At, key: string | number): At | undefined {
    const { node, file } = this.resolve(at);
    const wrap = (n: SchemaNode | undefined): At | undefined => (n ? this.resolve({ node: n, file, refs: [] }) : undefined);
    if (typeof key === 'number') {
      if (node.items) return wrap(node.items);
    } else {
      // Own properties only: a data key such as `constructor` is not a schema property.
      if (node.properties && Object.hasOwn(node.properties, key)) return wrap(node.properties[key]);
      if (node.additionalProperties && typeof node.additionalProperties === 'object') return wrap(node.additionalProperties);
    }
    for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) {
      const found = this.child(this.resolve({ node: branch, file, refs: [] }), key);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The formats a value of schema `at` may have: its own `x-format`, else those of the branches of
   * its anyOf/oneOf (a figure is a figureValue or a linked figure: a plain value is the former).
   */
  formats(at: At): string[] {
    const { node, file } = this.resolve(at);
    if (node['x-format']) return [String(node['x-format'])];
    return [...(node.anyOf ?? []), ...(node.oneOf ?? [])].flatMap((branch) => {
      const b = this.resolve({ node: branch, file, refs: [] }).node['x-format'];
      return b ? [String(b)] : [];
    });
  }
}
