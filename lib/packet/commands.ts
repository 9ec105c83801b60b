// The packet lifecycle commands (the server's /v1/packets/:key/<command>
// routes, the sidebar's buttons, the background's relay): exported once.
import { z } from 'zod';

/** submit (rep) → accept or return (CSM); amend after acceptance; intro-sent (CSM) stops the intro clock; request-csm (rep, Rule 2 deals). */
export const PACKET_COMMANDS = ['submit', 'accept', 'return', 'amend', 'intro-sent', 'request-csm'] as const;
export const packetCommandSchema = z.enum(PACKET_COMMANDS);
export type PacketCommand = z.infer<typeof packetCommandSchema>;
