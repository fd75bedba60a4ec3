/**
 * The shape of answer a question word asks for. "How many…?" wants a number, "when…?" a time,
 * "who…?" a person. A fact whose answer lacks that shape is a poor match even when its words fit:
 * "How old is Daniel Zhang?" shares his name with the CEO fact but asks for something it lacks.
 */
export const INTENT_SHAPES: Record<string, RegExp> = {
  who: /\b[A-Z][a-z]+ [A-Z][a-z]+\b|[\u4e00-\u9fff]{2,4}(?=（|\()|张勇|史蒂文|迈克尔/,
  // A count that is not a year.
  many: /\b(?!(19|20)\d\d\b)\d[\d,.]*\b|\b(two|three)\b|[一二三两万亿]/,
  much: /\$|billion|million|dollar|yuan|亿|万/,
  when: /\b(1[89]\d\d|20\d\d|month|summer|september|december|january|last year)\b|月|年|夏/i,
};

/** Words that ask for a shape: "how many", "how much", "when", "who" (as matching terms). */
export function askedShapes(terms: readonly string[]): RegExp[] {
  const set = new Set(terms);
  const shapes: RegExp[] = [];
  if (set.has("how") && set.has("many")) shapes.push(INTENT_SHAPES.many as RegExp);
  else if (set.has("how") && set.has("much")) shapes.push(INTENT_SHAPES.much as RegExp);
  if (set.has("when")) shapes.push(INTENT_SHAPES.when as RegExp);
  if (set.has("who")) shapes.push(INTENT_SHAPES.who as RegExp);
  return shapes;
}
