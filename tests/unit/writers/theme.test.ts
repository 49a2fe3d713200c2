import { describe, expect, it } from 'vitest';
import { BODY, HEADER, PAGE, TEXTS, mmToTwip, ptToHalfPt, ruleLengthPt, textWidthMm, textWidthPt } from '../../../src/writers/theme.js';

describe('theme', () => {
  it('converts the Decree 30 page to DOCX units the way Word rounds them', () => {
    expect(mmToTwip(PAGE.widthMm)).toBe(11906);
    expect(mmToTwip(PAGE.heightMm)).toBe(16838);
    expect(mmToTwip(PAGE.marginMm.top)).toBe(1134);
    expect(mmToTwip(PAGE.marginMm.left)).toBe(1701);
    expect(mmToTwip(PAGE.marginMm.right)).toBe(850);
    expect(mmToTwip(BODY.firstLineIndentMm)).toBe(720);
    expect(ptToHalfPt(BODY.sizePt)).toBe(28);
  });

  it('gives the text width of both orientations', () => {
    expect(textWidthMm('portrait')).toBe(165);
    expect(textWidthMm('landscape')).toBe(252);
  });

  it('measures text in Times New Roman metrics, Vietnamese letters included', () => {
    // Measured from Tinos with fontkit: 250.34 pt at 12 pt bold, 146.90 pt at 12 pt bold.
    expect(textWidthPt(TEXTS.nationalTitle, 12, true)).toBeCloseTo(250.34, 0);
    expect(textWidthPt(TEXTS.motto, 12, true)).toBeCloseTo(146.9, 0);
    expect(textWidthPt('Kết quả thực hiện Chủ đề năm 2024', 12)).toBeCloseTo(173.47, 0);
  });

  it('makes the tiêu ngữ rule as long as the text and the agency rule a third', () => {
    expect(ruleLengthPt([TEXTS.motto], HEADER.motto, HEADER.mottoRuleFraction)).toBeCloseTo(textWidthPt(TEXTS.motto, 13, true), 5);
    const agency = ['ỦY BAN NHÂN DÂN', 'HUYỆN AN LÃO'];
    expect(ruleLengthPt(agency, HEADER.agency, 1 / 3)).toBeCloseTo(textWidthPt('ỦY BAN NHÂN DÂN', 13, true) / 3, 5);
  });
});
