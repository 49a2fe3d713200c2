/**
 * The numbers module's public face: exact Decimal parsing of Vietnamese-written numbers,
 * quantities that keep their unit, Vietnamese formatting (numbers, money, area, percent, counts,
 * dates) and numbers read out in words. Other folders import from here, never from the files.
 */
export { Exact, toExact } from './exact.js';
export {
  parseVietnameseNumber,
  isFloatTrap,
  describeFloatTrap,
  type ParseNumberFailure,
  type ParseNumberResult,
  type FloatTrapReadings,
} from './parse.js';
export {
  parseQuantity,
  convertMoney,
  convertArea,
  sumQuantities,
  MONEY_UNIT_LABEL,
  AREA_UNIT_LABEL,
  type MoneyUnit,
  type AreaUnit,
  type Money,
  type Area,
  type Quantity,
  type ParseQuantityFailure,
  type ParseQuantityResult,
} from './units.js';
export {
  formatNumber,
  formatMoney,
  formatArea,
  formatPercent,
  ratioPercent,
  formatCount,
  formatFraction,
  formatSum,
  formatDate,
  parseDate,
  daysInMonth,
  latestDay,
  dateOrder,
  DATE_BLANK,
  type Numeric,
  type FormatNumberOptions,
  type FormatMoneyOptions,
  type FormatAreaOptions,
  type DateParts,
  type FullDate,
  type ParseDateResult,
} from './format.js';
export { readNumber, moneyInWords, type ReadNumberOptions } from './words.js';
export {
  compareAtPrecision, checkSum, checkRatio, formatWritten, formatDiff, reconcile, reconcileQuantity, inUnitOf, sumOf,
  type Written, type Comparison, type Print, type Reconciled,
} from './checks.js';
export { formatFigure, reconcileFigure, type FigureValue, type ComparableValue } from './figure-value.js';
