import type { AlertSender } from '../../src/app/alert-sender.ts';
import type { AlertView } from '../../src/core/alert.ts';
import type { DeliveryTarget } from '../../src/core/route.ts';

export interface SentAlert {
  target: DeliveryTarget;
  updateId: string;
  topics: string[];
  title: string;
}

/** An AlertSender that only writes down what it was asked to post or edit (unit tests). */
export class RecordingSender implements AlertSender {
  readonly posts: SentAlert[] = [];
  readonly edits: SentAlert[] = [];

  async post(view: AlertView, target: DeliveryTarget): Promise<string> {
    this.posts.push(record(view, target));
    return String(this.posts.length);
  }

  /** A post recorded earlier for the same update and place (what the channel would show). */
  async findPosted(view: AlertView, target: DeliveryTarget): Promise<string | undefined> {
    const wanted = record(view, target);
    const index = this.posts.findIndex(
      (sent) =>
        sent.updateId === wanted.updateId && JSON.stringify(sent.target) === JSON.stringify(target),
    );
    return index === -1 ? undefined : String(index + 1);
  }

  async edit(view: AlertView, target: DeliveryTarget): Promise<void> {
    this.edits.push(record(view, target));
  }

  async publish(): Promise<void> {}

  async notice(): Promise<void> {}
}

function record(view: AlertView, target: DeliveryTarget): SentAlert {
  const id = view.update.id;
  return {
    target,
    updateId: id.slice(id.indexOf('#') + 1),
    topics: view.topics.map((t) => t.id),
    title: view.update.title,
  };
}
