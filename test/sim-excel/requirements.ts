/** Office.context.requirements: which ExcelApi versions the simulated host claims. */
export class SimRequirements {
  constructor(public excelApi = "1.17") {}
  isSetSupported(name: string, minVersion?: string | number): boolean {
    if (name !== "ExcelApi") return false;
    if (minVersion === undefined) return true;
    return compareVersions(this.excelApi, String(minVersion)) >= 0;
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}
