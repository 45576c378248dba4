import { describe, expect, it } from 'vitest';
import { MAX_NOTE_LENGTH, noteProblem } from './note.ts';

describe('noteProblem', () => {
  it('refuses an empty or too long note and accepts the rest', () => {
    expect(noteProblem('  ')?.en).toBe('The note is empty.');
    expect(noteProblem('x'.repeat(MAX_NOTE_LENGTH + 1))).not.toBeNull();
    expect(noteProblem('Thôn Nà Hoa: 3 hộ chưa tiêm')).toBeNull();
  });
});
