import type { ExampleMessages } from './messages.vi.ts';

export const exampleEn: ExampleMessages = {
  example: { nav: 'Example', title: "The commune's notes", empty: 'No notes yet.' },
};
