import type { Logger } from '../logger.ts';
import { loadLabelled } from '../topics/accuracy.ts';
import { labelledCorpusFiles } from '../topics/corpus.ts';
import type { GuildTopic } from '../topics/guild-topic.ts';
import { type CorpusBreadth, type CorpusUpdate, corpusBreadth } from '../topics/keyword-guard.ts';
import type { TopicBreadth } from './context.ts';

/**
 * Measures a candidate keyword topic against the project's labelled live-blog updates (the
 * older labelled files and the whole evaluation corpus), read once on first use. If they cannot be read the guard is
 * skipped with a warning rather than refusing every new topic.
 */
export class LabelledCorpusBreadth implements TopicBreadth {
  private corpus: Promise<readonly CorpusUpdate[]> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly load: () => Promise<readonly CorpusUpdate[]> = () =>
      loadLabelled(labelledCorpusFiles()),
  ) {}

  async measure(topic: GuildTopic): Promise<CorpusBreadth | undefined> {
    this.corpus ??= this.load();
    try {
      return corpusBreadth(topic, await this.corpus);
    } catch (error) {
      this.corpus = undefined; // try again next time: the files may be back
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        { error: reason },
        'labelled corpus unreadable: keyword topics not measured',
      );
      return undefined;
    }
  }
}
