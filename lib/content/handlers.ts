import {
  fromExtensionPage,
  LabelsSchema,
  InsertReplySchema,
  InvalidMessageError,
  parsePayload,
  type InsertResult,
  type PageDiagnostic,
  type PageStats,
  type SenderLike,
} from '../messaging';
import type { ContentApp } from './run';

/**
 * The content script's answers to the side panel. Only our own extension pages may ask: a
 * message from anywhere else (another extension, a page) gets a typed refusal and changes nothing.
 */
export function contentHandlers(
  app: ContentApp,
  extensionId: string,
  extensionOrigin: string,
  extensionVersion = '',
) {
  const check = (sender: SenderLike) => {
    if (!fromExtensionPage(sender, extensionId, extensionOrigin))
      throw new InvalidMessageError('sender is not an extension page');
  };
  return {
    async insertReply(data: unknown, sender: SenderLike): Promise<InsertResult> {
      check(sender);
      const { postId, text } = parsePayload(InsertReplySchema, data);
      return app.insertReply(postId, text);
    },
    async labels(data: unknown, sender: SenderLike): Promise<void> {
      check(sender);
      await app.relabel(parsePayload(LabelsSchema, data).labels);
    },
    pageStats(_data: unknown, sender: SenderLike): PageStats {
      check(sender);
      return app.stats();
    },
    pageDiagnostic(_data: unknown, sender: SenderLike): PageDiagnostic {
      check(sender);
      return app.diagnostic(extensionVersion);
    },
  };
}
