// The OpenAI-compatible chat-completions wire format, as far as Baton uses it
// (https://platform.openai.com/docs/api-reference/chat; vLLM, Ollama,
// llama.cpp's server, DeepSeek, Qwen/DashScope and Zhipu speak the same).
import { z } from 'zod';

export const chatMessageSchema = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() });
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** The request Baton sends: no tools, no streaming, a low temperature (drafts, not fiction). */
export const chatRequestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(chatMessageSchema).min(1),
  temperature: z.number().min(0).max(2),
  stream: z.literal(false),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;

/** The part of the answer Baton reads: the first choice's text. Anything else is ignored. */
export const chatAnswerSchema = z.object({
  model: z.string().optional(),
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullable() }), finish_reason: z.string().nullable().optional() }))
    .min(1),
});
export type ChatAnswer = z.infer<typeof chatAnswerSchema>;
