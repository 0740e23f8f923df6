// The reports are about Russians giving up to Ukraine. A question about the opposite direction
// ("Ukrainian pilots who defect to Russia") shares every word with a fact and would score as a
// confident match, so it is recognised by its shape: a Ukrainian actor or Russia as the destination
// of a surrender verb.
const UKRAINIAN_ACTOR = [
  /\bukrainian\s+(?:soldiers?|troops?|pilots?|servicem[ae]n|fighters?|marines?|officers?|generals?)\s+(?:\w+\s+){0,3}?(?:surrender|defect|desert|flee|fled|switch|go over|went over)/,
  /(?<!\p{L})украинск\p{L}*\s+(?:солдат|военн|летчик|пилот|бойц|военнослужащ|офицер|генерал)\p{L}*\s+(?:\p{L}+\s+){0,3}?(?:сда|перебе|перейт|переш|дезерт|перелет)/u,
  /(?<!\p{L})українськ\p{L}*\s+(?:солдат|військов|льотчик|пілот|бійц|бійці|військовослужбов|офіцер|генерал)\p{L}*\s+(?:\p{L}+\s+){0,3}?(?:зда|перебі|перейт|перейш|дезерт|перелет|перелеті)/u,
];
const OF_UKRAINIANS = [
  /\b(?:surrender|defection|desertion)s?\s+of\s+ukrainian\s+(?:soldiers|troops|pilots|servicemen)\b/,
  /(?<!\p{L})(?:сдач|сдат|перебеж|дезертир)\p{L}*\s+украинск\p{L}*\s+(?:солдат|военн|летчик|пилот|бойц|военнослужащ)/u,
  /(?<!\p{L})(?:здач|здат|перебіж|дезертир)\p{L}*\s+українськ\p{L}*\s+(?:солдат|військов|льотчик|пілот|бійц|військовослужбов)/u,
];
const TO_RUSSIA = [
  /\b(?:surrender|defect|desert|flee|fled|switch|go over|went over)\w*\s+(?:\w+\s+){0,3}?to\s+(?:the\s+)?russia(?:ns?)?\b(?!\s+(?:army|soldiers?|troops?))/,
  /(?<!\p{L})(?:сда|перебе|перейт|переш|дезерт|перелет)\p{L}*\s+(?:\p{L}+\s+){0,3}?(?:в россию|к россиянам|к русским|на сторону россии|россиянам|русским)(?!\p{L})/u,
  /(?<!\p{L})(?:зда|перебі|перейт|перейш|дезерт|перелет|перелеті)\p{L}*\s+(?:\p{L}+\s+){0,3}?(?:до росії|в росію|у росію|на бік росії|на сторону росії|росіянам)(?!\p{L})/u,
];

/** True when the (normalised) question is about Ukrainians going over to Russia, which no report covers. */
export function isReverseDirection(text: string): boolean {
  return [...UKRAINIAN_ACTOR, ...OF_UKRAINIANS, ...TO_RUSSIA].some((p) => p.test(text));
}
