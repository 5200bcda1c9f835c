/** A ~3,500-character Description: importers that assume short text fields break on it. */
const PARAGRAPH =
  "Complete front wheel bearing and hub assembly, pre-greased and sealed for life, with integrated " +
  "ABS tone ring and wheel speed sensor harness. Fits most 2011-2019 mid-size sedans and crossovers " +
  "with 5-lug hubs; confirm the flange bolt pattern (3 x M12) and the spline count (29) before " +
  "ordering. Torque the axle nut to 148 ft-lb and the hub bolts to 96 ft-lb; never reuse the axle " +
  "nut. Replace in pairs when the opposite side shows play above 0.05 mm or audible growl at " +
  "40-60 mph. Warranty: 3 years / 36,000 miles, labor not included. ";

export const LONG_DESCRIPTION = buildLongDescription(3500);

function buildLongDescription(length: number): string {
  let text = "";
  for (let i = 1; text.length < length; i++) text += `[${i}] ${PARAGRAPH}`;
  return `${text.slice(0, length - 1).trimEnd()}.`;
}
