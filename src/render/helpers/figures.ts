/**
 * Figure helpers: the only way a number reaches a template's output. Each takes a Figure from
 * the model and prints it in the Vietnamese house style (money, area, percent, count with its
 * leading zero, fraction, amount in words), wrapped in a marker that keeps the figure's id so
 * the preview can show where it came from.
 */
import type { HelperOptions } from 'handlebars';
import type { Figure } from '../../aggregate/index.js';
import { formatFigure } from '../../aggregate/index.js';
import {
  formatMoney, formatArea, formatPercent, formatCount, moneyInWords, formatNumber, convertMoney, convertArea,
  type MoneyUnit, type AreaUnit,
} from '../../numbers/index.js';
import { figureMarker } from '../escape.js';
import { expectFigure, safe } from './util.js';

export function fig(f: Figure): unknown {
  return safe(figureMarker(expectFigure(f, 'fig').id, formatFigure(f)));
}

export function money(f: Figure, options: HelperOptions): unknown {
  expectFigure(f, 'money', 'money');
  if (f.kind !== 'money') throw new Error('unreachable');
  const unit = options.hash.unit as MoneyUnit | undefined;
  return safe(figureMarker(f.id, formatMoney(f.money, unit ? { unit } : {})));
}

export function area(f: Figure, options: HelperOptions): unknown {
  expectFigure(f, 'area', 'area');
  if (f.kind !== 'area') throw new Error('unreachable');
  const unit = options.hash.unit as AreaUnit | undefined;
  return safe(figureMarker(f.id, formatArea(f.area, unit ? { unit } : {})));
}

export function percent(f: Figure): unknown {
  expectFigure(f, 'percent', 'percent');
  if (f.kind !== 'percent') throw new Error('unreachable');
  return safe(figureMarker(f.id, formatPercent(f.n)));
}

/** `{{count f}}` → `08`; `{{count f "dự án"}}` → `08 dự án`. */
export function count(f: Figure, ...rest: unknown[]): unknown {
  expectFigure(f, 'count', 'count');
  if (f.kind !== 'count') throw new Error('unreachable');
  const noun = typeof rest[0] === 'string' ? rest[0] : undefined;
  return safe(figureMarker(f.id, formatCount(f.n, noun)));
}

/** Amount in words, capitalised, ending in "đồng" (`Bằng chữ`). */
export function words(f: Figure): unknown {
  expectFigure(f, 'words', 'money');
  if (f.kind !== 'money') throw new Error('unreachable');
  return safe(figureMarker(`${f.id}.words`, moneyInWords(f.money)));
}

/** `{{num f unit="triệu"}}`: the bare number (for table columns whose unit is in the ĐVT line). */
export function num(f: Figure, options: HelperOptions): unknown {
  expectFigure(f, 'num');
  const unit = options.hash.unit as MoneyUnit | AreaUnit | undefined;
  let text: string;
  if (f.kind === 'money') text = formatNumber(unit ? convertMoney(f.money, unit as MoneyUnit).amount : f.money.amount);
  else if (f.kind === 'area') text = formatNumber(unit ? convertArea(f.area, unit as AreaUnit).amount : f.area.amount);
  else text = formatFigure(f);
  return safe(figureMarker(f.id, text));
}
