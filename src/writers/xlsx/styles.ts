/**
 * The cell formats of the XLSX writer, registered as the sheets use them: a font (regular, bold,
 * italic Times New Roman 12), a thin border for table cells, the number format of the decimals a
 * number printed (`#,##0`, `#,##0.0`, … up to six), horizontal alignment and wrapping. A format
 * gets its index on first use; the sheets are written in a fixed order, so the indexes — and
 * the bytes — are the same on every run.
 */

/** Decimals of a printed number get their own format, up to this many. */
export const MAX_DECIMALS = 6;

export interface CellStyle {
  font?: 'normal' | 'bold' | 'italic';
  align?: 'left' | 'center' | 'right' | 'justify';
  border?: boolean;
  wrap?: boolean;
  /** A number's printed decimals: `#,##0` for 0, `#,##0.00` for 2. */
  decimals?: number;
}

const FONTS = { normal: 0, bold: 1, italic: 2 } as const;

export class Styles {
  private readonly xfs: string[] = [];
  private readonly index = new Map<string, number>();

  constructor() {
    this.get({});
  }

  get(s: CellStyle): number {
    const key = JSON.stringify([s.font ?? 'normal', s.align ?? '', s.border ?? false, s.wrap ?? false, s.decimals ?? -1]);
    const known = this.index.get(key);
    if (known !== undefined) return known;
    const d = s.decimals === undefined ? undefined : Math.min(s.decimals, MAX_DECIMALS);
    const numFmt = d === undefined ? 0 : d === 0 ? 3 : 164 + d;
    const align = s.align || s.wrap
      ? `<alignment${s.align ? ` horizontal="${s.align === 'justify' ? 'left' : s.align}"` : ''} vertical="center"${s.wrap ? ' wrapText="1"' : ''}/>`
      : '';
    this.xfs.push(`<xf numFmtId="${numFmt}" fontId="${FONTS[s.font ?? 'normal']}" fillId="0" borderId="${s.border ? 1 : 0}" xfId="0"`
      + `${numFmt ? ' applyNumberFormat="1"' : ''} applyFont="1"${s.border ? ' applyBorder="1"' : ''}${align ? ` applyAlignment="1">${align}</xf>` : '/>'}`);
    this.index.set(key, this.xfs.length - 1);
    return this.xfs.length - 1;
  }

  xml(): string {
    const formats = Array.from({ length: MAX_DECIMALS }, (_, d) => `<numFmt numFmtId="${165 + d}" formatCode="#,##0.${'0'.repeat(d + 1)}"/>`).join('');
    const thin = '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>';
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
      + `<numFmts count="${MAX_DECIMALS}">${formats}</numFmts>`
      + '<fonts count="3"><font><sz val="12"/><name val="Times New Roman"/></font><font><b/><sz val="12"/><name val="Times New Roman"/></font><font><i/><sz val="12"/><name val="Times New Roman"/></font></fonts>'
      + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
      + `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>`
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>`
      + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  }
}
