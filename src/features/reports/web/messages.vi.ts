/** Reports: Vietnamese texts, the default language (messages.en.ts has exactly the same keys). */
export const reportsVi = {
  reports: {
    dailyTitle: 'Báo cáo hằng ngày',
    date: 'Ngày',
    field: 'Chỉ tiêu',
    value: 'Số liệu',
    computed: 'Số hệ thống:',
    correct: 'Điều chỉnh',
    reason: 'Lý do điều chỉnh (bắt buộc)',
    save: 'Lưu',
    saveTexts: 'Lưu nội dung',
    sign: 'Ký duyệt',
    submit: 'Gửi báo cáo',
    signedBy: 'Người ký:',
    deadline: 'Hạn gửi',
    late: 'muộn',
    missing: 'chưa gửi',
    units: 'Các đơn vị',
    remind: 'Nhắc các đơn vị chậm',
    reminded: 'Đã giao {{count}} nhiệm vụ nhắc nhở.',
    print: 'In',
    states: { draft: 'Bản nháp', signed: 'Đã ký duyệt, chưa gửi', submitted: 'Đã gửi' },
  },
};
export type ReportsMessages = typeof reportsVi;
