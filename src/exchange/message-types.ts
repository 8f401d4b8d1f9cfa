// The contents of each message type: the contract between the sender and the bodies' connectors
// (the hub itself never reads a content, it only carries it sealed).
import { z } from 'zod';

const nir = z.string().regex(/^[1-478][0-9]{4}([0-9]{2}|2A|2B)[0-9]{8}$/);
const parent = z.object({ nir, givenNames: z.string().min(1), familyName: z.string().min(1) }).strict();

/** `naissance.declaree`: one or more children (twins…) born to the declarant (and the other parent). */
export const birthDeclaredContent = z
  .object({
    declarant: parent,
    otherParent: parent.nullable(),
    children: z
      .array(
        z
          .object({
            givenNames: z.string().min(1),
            familyName: z.string().min(1),
            sex: z.enum(['F', 'M']),
            birthDate: z.iso.date(),
            birthPlace: z.string().regex(/^([0-9]{2}|2A|2B)[0-9]{3}$/),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type BirthDeclaredContent = z.infer<typeof birthDeclaredContent>;
