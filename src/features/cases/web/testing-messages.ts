/** Testing page texts (pools, retests, rounds, positivity): Vietnamese first, English with the same keys. */
export const testingVi = {
  testing: {
    title: 'Xét nghiệm',
    nav: 'Xét nghiệm',
    positivity: {
      title: 'Tỷ lệ dương tính theo tuần',
      week: 'Tuần',
      done: 'Số xét nghiệm',
      positive: 'Dương tính',
      rate: 'Tỷ lệ (%)',
      chartFailed: 'Không vẽ được biểu đồ; số liệu có trong bảng.',
    },
    retests: {
      title: 'Xét nghiệm lại (mẫu gộp dương tính)',
      none: 'Không có ai chờ xét nghiệm lại.',
      person: 'Người',
      due: 'Hạn',
      takenBy: 'Người lấy mẫu',
      provisional: 'Hạn xét nghiệm lại là giá trị tạm (chưa có văn bản quy định).',
    },
    rounds: {
      title: 'Đợt xét nghiệm diện rộng',
      none: 'Chưa có đợt nào.',
      name: 'Đợt',
      dates: 'Thời gian',
      tested: 'Đã xét nghiệm',
      share: 'Tỷ lệ',
      positives: 'Dương tính',
      areas: { village: 'Thôn, bản', market: 'Chợ', households: 'Danh sách hộ' },
    },
  },
};

export type TestingMessages = typeof testingVi;

export const testingEn: TestingMessages = {
  testing: {
    title: 'Testing',
    nav: 'Testing',
    positivity: {
      title: 'Test positivity by week',
      week: 'Week',
      done: 'Tests done',
      positive: 'Positive',
      rate: 'Rate (%)',
      chartFailed: 'The chart could not be drawn; the numbers are in the table.',
    },
    retests: {
      title: 'Retests (positive pools)',
      none: 'Nobody is waiting for a retest.',
      person: 'Person',
      due: 'Due',
      takenBy: 'Taken by',
      provisional: 'The retest deadline is provisional (no text sets it).',
    },
    rounds: {
      title: 'Mass-testing rounds',
      none: 'No round yet.',
      name: 'Round',
      dates: 'Dates',
      tested: 'Tested',
      share: 'Share',
      positives: 'Positive',
      areas: { village: 'Village', market: 'Market', households: 'Households' },
    },
  },
};
