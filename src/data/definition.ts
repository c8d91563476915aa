// What an acronym concept's panel says of its other form: the long form under an acronym label ("Stands for
// sharpness-aware minimization"), or the acronym under a long-form label ("Abbreviated LSTM") — never the label again.
import type { ConceptAttributes } from '../contract/types.ts';

export function definitionLine(concept: Pick<ConceptAttributes, 'label' | 'definition' | 'aliases'>): [lead: string, text: string] | null {
  if (!concept.definition) return null;
  if (concept.label.toLowerCase() !== concept.definition.toLowerCase()) return ['Stands for ', concept.definition];
  // The label is the long form: the acronym is the alias written as one word with two capitals ("LSTM", "KV").
  const short = concept.aliases.find((a) => !/\s/.test(a) && /\p{Lu}.*\p{Lu}/u.test(a));
  return short ? ['Abbreviated ', short] : null;
}
