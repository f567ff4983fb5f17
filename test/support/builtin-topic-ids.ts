/** The seven built-in topics (alerts/*.ts), in the order every accuracy table lists them. */
export const BUILTIN_TOPIC_IDS = [
  'aid',
  'air-raid',
  'casualties',
  'diplomacy',
  'frontline',
  'infrastructure',
  'nuclear',
];
