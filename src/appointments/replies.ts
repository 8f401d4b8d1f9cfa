// Replies shared by the citizens' and agents' routes.
import type { FastifyReply } from 'fastify';
import { SlotTakenError } from './slot-errors.ts';

/** A taken slot answers 409 with the next free slots beside the error. */
export const withNextSlots = async <T>(reply: FastifyReply, run: () => Promise<T>) => {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof SlotTakenError)) throw error;
    const lang = /^\s*en\b/i.test(String(reply.request.headers['accept-language'] ?? '')) ? 'en' : 'fr';
    return reply.status(409).send({
      code: error.code,
      message: error.messages[lang],
      messages: error.messages,
      field: error.field,
      nextSlots: error.nextSlots,
    });
  }
};

/** Sends a stored document as a download, never rendered inline by the browser. */
export const sendDocument = (
  reply: FastifyReply,
  { info, content }: { info: { fileName: string; contentType: string }; content: Buffer },
) =>
  reply
    .type(info.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(info.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(content);
