import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-strength.ts';

describe('password strength', () => {
  it('refuses fewer than 12 characters, whatever they are', () => {
    expect(passwordProblem('x7#Qm!2vZp')?.en).toMatch(/at least 12 characters/);
    expect(passwordProblem('Ngắn-7#Qm!2')?.vi).toMatch(/ít nhất 12 ký tự/);
  });

  it('refuses common passwords, keyboard runs and their Vietnamese forms', () => {
    for (const weak of ['password1234', '123456789012', 'qwertyuiop12', 'Matkhau@2021', 'Mậtkhẩu@2021'])
      expect(passwordProblem(weak)?.en, weak).toMatch(/too easy to guess/);
  });

  it("refuses the system's own name: the demo's published password is not a real account's", () => {
    expect(passwordProblem('SafeAdapt@2021')?.vi).toMatch(/quá dễ đoán/);
  });

  it("refuses the account's own name and username", () => {
    expect(passwordProblem('nguyenvanhung1990')).toBeNull();
    expect(passwordProblem('nguyenvanhung1990', ['can.bo.xa', 'Nguyễn Văn Hùng'])).not.toBeNull();
  });

  it('accepts long passphrases, Vietnamese ones too', () => {
    expect(passwordProblem('trời-xanh-mây-trắng')).toBeNull();
    expect(passwordProblem('Huu-Lung-2021-yte')).toBeNull();
  });
});
