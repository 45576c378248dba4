/** Social support (Resolution 68): Vietnamese texts, the default language (messages.en.ts has the same keys). */
export const supportVi = {
  support: {
    title: 'Hỗ trợ theo Nghị quyết 68',
    basis:
      'Nghị quyết 68/NQ-CP ngày 01/07/2021; Quyết định 23/2021/QĐ-TTg. Mỗi người chỉ được hỗ trợ một lần theo mỗi chính sách.',
    chooseUnit: 'Cả địa bàn',
    none: 'Không có hồ sơ nào.',
    days: '{{n}} ngày',
    child: 'trẻ em (+1.000.000 đ)',
    from: 'từ {{date}}',
    fromRecords: 'theo dữ liệu F0/F1',
    provisional: 'tạm tính',
    provisionalTitle: 'Giá trị tạm tính: văn bản chưa được xác nhận, cần kiểm tra trước khi chi.',
    reason: 'Lý do',
    policies: {
      f0Treatment: 'F0 điều trị (80.000 đ/ngày, tối đa 45 ngày)',
      f1Quarantine: 'F1 cách ly (80.000 đ/ngày, tối đa 21 ngày)',
      workStoppage: 'Ngừng việc do cách ly, phong tỏa',
      suspendedContract: 'Tạm hoãn hợp đồng, nghỉ không lương',
      contractEnded: 'Chấm dứt hợp đồng, không hưởng trợ cấp thất nghiệp',
      artist: 'Nghệ sĩ đơn vị nghệ thuật biểu diễn',
      tourGuide: 'Hướng dẫn viên du lịch',
      householdBusiness: 'Hộ kinh doanh tạm ngừng',
      freelance: 'Lao động tự do (chính sách địa phương)',
    },
    actions: {
      review: 'Đã xem xét, chuyển huyện',
      reject: 'Không đủ điều kiện',
      approve: 'Phê duyệt',
      refuse: 'Không phê duyệt',
      pay: 'Đã chi trả',
    },
    lists: {
      toReview: 'Hồ sơ chờ xã xem xét',
      atDistrict: 'Đã chuyển huyện, chờ phê duyệt',
      toApprove: 'Hồ sơ chờ huyện phê duyệt',
    },
    paymentList: {
      title: 'Danh sách chi trả (đã phê duyệt)',
      download: 'Tải danh sách chi trả (.xlsx, có cột ký nhận)',
      print: 'In danh sách',
    },
    missed: {
      title: 'Không để sót: đủ điều kiện nhưng chưa có hồ sơ',
      hint: 'Theo dữ liệu ca F0 điều trị và F1 cách ly trong thời hạn của chính sách (27/04 – 31/12/2021).',
      none: 'Không còn ai đủ điều kiện mà chưa có hồ sơ.',
      commune: 'Xã',
      people: 'Số người',
      amount: 'Số tiền (đ)',
      open: 'đang điều trị / cách ly',
      make: 'Lập hồ sơ cho những người đã kết thúc điều trị, cách ly',
      made: 'Đã lập {{n}} hồ sơ.',
    },
  },
};

export type SupportMessages = typeof supportVi;
