/** The audit log: Vietnamese texts, the default language (messages.en.ts has exactly the same keys). */
export const auditVi = {
  audit: {
    title: 'Nhật ký truy cập',
    username: 'Tên đăng nhập',
    action: 'Hành động',
    allActions: 'Tất cả',
    entity: 'Đối tượng',
    from: 'Từ ngày',
    to: 'Đến ngày',
    filter: 'Lọc',
    clear: 'Bỏ lọc',
    time: 'Thời gian',
    user: 'Người dùng',
    unit: 'Đơn vị',
    ip: 'Địa chỉ IP',
    details: 'Chi tiết',
    none: 'Không có bản ghi nào.',
    total: 'Tổng số {{n}} bản ghi',
    page: 'Trang {{page}} / {{pages}}',
    prev: '‹ Trang trước',
    next: 'Trang sau ›',
    badDate: 'Ngày không hợp lệ. Nhập theo dạng dd/mm/yyyy, VD: 23/11/2021.',
    datePlaceholder: 'dd/mm/yyyy',
    pagination: 'Phân trang',
    actions: {
      create: 'Tạo',
      update: 'Sửa',
      delete: 'Xóa',
      read: 'Xem',
      login: 'Đăng nhập',
      logout: 'Đăng xuất',
      login_failed: 'Đăng nhập sai',
    },
  },
};

export type AuditMessages = typeof auditVi;
