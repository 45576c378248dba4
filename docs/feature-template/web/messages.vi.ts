export const exampleVi = {
  example: { nav: 'Ví dụ', title: 'Ghi chú của xã', empty: 'Chưa có ghi chú.' },
};
export type ExampleMessages = typeof exampleVi;
