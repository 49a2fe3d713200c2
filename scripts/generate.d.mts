// Types of scripts/generate.mjs, for the tests that generate large data sets.
export declare function areaYaml(area: number, count: number): string;
export declare function generateData(out: string, options: { rows: number; parts?: number }): void;
