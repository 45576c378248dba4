/**
 * The five seed letters (test/fixtures/letters, copied from real district and provincial letters of
 * 2021–2022): every field of the parsed structure is pinned here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ParsedDocument, parseDocument } from './parse-document.ts';

function readLetter(file: string): string {
  return readFileSync(new URL(`../../../../test/fixtures/letters/${file}`, import.meta.url), 'utf8');
}

const EXPECTED: Record<string, Omit<ParsedDocument, 'body'>> = {
  '000_0cc6a49cf5414292.txt': {
    kind: 'letter',
    number: null,
    symbol: 'UBND-VP',
    issuer: 'Ủy ban nhân dân huyện Hữu Lũng',
    issuerSuperior: null,
    place: 'Hữu Lũng',
    date: null,
    datePartial: {
      day: null,
      month: 12,
      year: 2021,
    },
    subject: 'tăng cường các biện pháp phòng, chống dịch COVID-19',
    addressees: [
      'Các phòng, ban, ngành huyện',
      'Các cơ quan tỉnh đóng trên địa bàn huyện',
      'Ủy ban MTTQ và các tổ chức CT-XH huyện',
      'Các đơn vị trường học đóng trên địa bàn huyện',
      'Ủy ban nhân dân các xã, thị trấn',
    ],
    references: [
      {
        kind: 'letter',
        number: '2043',
        symbol: 'UBND-KGVX',
        date: '2021-12-06',
        issuer: 'UBND tỉnh Lạng Sơn',
        relation: 'implements',
        text: 'Công văn số 2043/UBND-KGVX ngày 06/12/2021 của UBND tỉnh Lạng Sơn',
      },
      {
        kind: 'resolution',
        number: '128',
        symbol: 'NQ-CP',
        date: '2021-10-11',
        issuer: 'Chính phủ',
        relation: 'mentioned',
        text: 'Nghị quyết số 128/NQ-CP ngày 11/10/2021 của Chính phủ',
      },
      {
        kind: 'plan',
        number: '2629',
        symbol: 'KH-UBND',
        date: '2021-11-30',
        issuer: 'UBND huyện',
        relation: 'mentioned',
        text: 'Kế hoạch số 2629/KH-UBND ngày 30/11/2021 của UBND huyện',
      },
      {
        kind: 'letter',
        number: '10315',
        symbol: 'BYT-DP',
        date: null,
        issuer: 'Bộ Y tế',
        relation: 'mentioned',
        text: 'Công văn số 10315/BYT-DP của Bộ Y tế',
      },
      {
        kind: 'decision',
        number: '768',
        symbol: 'QĐ/HU',
        date: null,
        issuer: null,
        relation: 'mentioned',
        text: 'QĐ số 768-QĐ/HU',
      },
    ],
    tasks: [
      {
        ordinal: '1',
        text: 'Tiếp tục thực hiện đúng tinh thần Nghị quyết số 128/NQ-CP ngày 11/10/2021 của Chính phủ ban hành quy định tạm thời “Thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19”; Kế hoạch số 2629/KH-UBND ngày 30/11/2021 của UBND huyện về thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19 trên địa bàn huyện Hữu Lũng; chủ động đánh giá mức độ nguy cơ sát thực tế để kịp thời triển khai các biện pháp phòng, chống dịch phù hợp, không gây ách tắc, cản trở hoạt động sản xuất, kinh doanh và ảnh hưởng đến đời sống của Nhân dân. Quán triệt phương châm 5K + vắc xin, thuốc + biện pháp điều trị phù hợp + công nghệ + đề cao ý thức người dân và các biện pháp khác (đông - tây y, phối hợp chặt chẽ người dân với chính quyền, doanh nghiệp...).\nĐẩy mạnh phát triển kinh tế - xã hội, đồng thời bảo đảm thực hiện nghiêm nguyên tắc 5K; đẩy mạnh hơn nữa tốc độ tiêm vắc xin an toàn, khoa học, hiệu quả và các biện pháp phòng, chống dịch của Ban Chỉ đạo Quốc gia phòng, chống dịch COVID-19 và của Bộ Y tế.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: [],
        deadline: {
          date: null,
          urgent: true,
          text: 'kịp thời',
        },
      },
      {
        ordinal: '2',
        text: 'Giao Trung tâm Y tế chủ trì, phối hợp với UBND các xã, thị trấn và các cơ quan liên quan khẩn trương đẩy nhanh tiến độ tiêm chủng vắc xin phòng COVID-19 theo yêu cầu tại Công văn số 10315/BYT-DP của Bộ Y tế.',
        leadUnit: 'Trung tâm Y tế',
        coordinatingUnits: ['UBND các xã, thị trấn', 'các cơ quan liên quan'],
        addressedUnits: ['Trung tâm Y tế'],
        deadline: {
          date: null,
          urgent: true,
          text: 'khẩn trương',
        },
      },
      {
        ordinal: '3',
        text: 'UBND các xã, thị trấn chủ động phối hợp, hỗ trợ giữa các đơn vị trong công tác phòng, chống dịch; khi cần thiết phải chủ động, kịp thời, nhanh chóng phối hợp đề xuất với cơ quan có thẩm quyền huy động sự hỗ trợ của lực lượng công an, quân đội, y tế, tổ Covid cộng đồng,...; phối hợp chặt chẽ với Phòng Văn hóa và Thông tin trong việc ứng dụng hiệu quả các giải pháp công nghệ khai báo y tế và kiểm soát đi lại với các địa phương khác để người dân di chuyển thuận lợi, không để ách tắc lưu thông hàng hóa, sản xuất, kinh doanh, đồng thời bảo đảm an sinh xã hội, kiểm soát hiệu quả dịch bệnh.',
        leadUnit: null,
        coordinatingUnits: ['Phòng Văn hóa và Thông tin'],
        addressedUnits: ['UBND các xã, thị trấn'],
        deadline: {
          date: null,
          urgent: true,
          text: 'kịp thời',
        },
      },
    ],
    distribution: [
      {
        text: 'Như trên',
        mark: null,
      },
      {
        text: 'Thường trực Huyện ủy',
        mark: null,
      },
      {
        text: 'Thường trực HĐND huyện',
        mark: null,
      },
      {
        text: 'Chủ tịch, các Phó Chủ tịch UBND huyện',
        mark: null,
      },
      {
        text: 'Các TV BCĐ theo QĐ số 768-QĐ/HU',
        mark: null,
      },
      {
        text: 'C, PCVP HĐND và UBND huyện',
        mark: null,
      },
      {
        text: 'Lưu: VT',
        mark: null,
      },
    ],
    authority: 'KT. CHỦ TỊCH',
    signerTitle: 'PHÓ CHỦ TỊCH',
    signer: 'Trần Quốc Phong',
  },
  '001_9d2a3f44634b48a4.txt': {
    kind: 'letter',
    number: null,
    symbol: 'UBND-VP',
    issuer: 'Ủy ban nhân dân huyện Ngân Sơn',
    issuerSuperior: null,
    place: 'Ngân Sơn',
    date: null,
    datePartial: {
      day: null,
      month: 11,
      year: 2021,
    },
    subject: 'thực hiện Văn bản số 7572/UBND-VXNV ngày 10/11/2021 của UBND tỉnh Bắc Kạn',
    addressees: ['Các phòng, ban, ngành, đoàn thể huyện', 'Ban Chỉ đạo phòng, chống dịch các xã, thị trấn'],
    references: [
      {
        kind: 'letter',
        number: '7572',
        symbol: 'UBND-VXNV',
        date: '2021-11-10',
        issuer: 'UBND tỉnh Bắc Kạn',
        relation: 'implements',
        text: 'Văn bản số 7572/UBND-VXNV ngày 10/11/2021 của UBND tỉnh Bắc Kạn',
      },
      {
        kind: 'telegram',
        number: '8149',
        symbol: 'CD-VPCP',
        date: '2021-11-07',
        issuer: 'Văn phòng Chính phủ',
        relation: 'implements',
        text: 'Công điện số 8149/CD-VPCP ngày 07/11/2021 của Văn phòng Chính phủ',
      },
      {
        kind: 'resolution',
        number: '128',
        symbol: 'NQ-CP',
        date: '2021-10-11',
        issuer: 'Chính phủ',
        relation: 'mentioned',
        text: 'Nghị quyết 128/NQ-CP ngày 11 tháng 10 năm 2021 của Chính phủ',
      },
    ],
    tasks: [
      {
        ordinal: '1',
        text: 'Các phòng, ban, ngành, đoàn thể huyện và Ban Chỉ đạo phòng, chống dịch các xã, thị trấn tiếp tục chỉ đạo, triển khai thực hiện nghiêm các văn bản chỉ đạo của của tỉnh và huyện về công tác phòng, chống dịch COVID-19; chuẩn bị phương án, kịch bản phòng, chống dịch trên địa bàn linh hoạt, khoa học, hiệu quả; tiếp tục quán triệt và thực hiện nghiêm những giải pháp phòng, chống dịch như xét nghiệm nhanh, cách ly kịp thời, gắn với thực hiện tốt việc khôi phục, phát triển kinh tế xã hội.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: [
          'Các phòng, ban, ngành, đoàn thể huyện',
          'Ban Chỉ đạo phòng, chống dịch các xã, thị trấn',
        ],
        deadline: {
          date: null,
          urgent: true,
          text: 'kịp thời',
        },
      },
      {
        ordinal: '1#2',
        text: 'Văn phòng HĐND&UBND huyện chủ trì phối hợp Trung tâm Y tế và các đơn vị liên quan khẩn trương tham mưu cho UBND huyện Kế hoạch thực hiện Nghị quyết 128/NQ-CP ngày 11 tháng 10 năm 2021 của Chính phủ về “thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19”.',
        leadUnit: 'Văn phòng HĐND&UBND huyện',
        coordinatingUnits: ['Trung tâm Y tế', 'các đơn vị liên quan'],
        addressedUnits: ['Văn phòng HĐND&UBND huyện'],
        deadline: {
          date: null,
          urgent: true,
          text: 'khẩn trương',
        },
      },
      {
        ordinal: '2',
        text: 'Trung tâm Y tế và Ban Chỉ đạo phòng, chống dịch các xã, thị trấn phối hợp nâng cao năng lực hệ thống y tế, nhất là y tế cơ sở; chuẩn bị sẵn sàng thành lập ngay trạm y tế lưu động ở những nơi dịch bùng phát, địa bàn dịch phức tạp; tổ chức tiêm chủng nhanh, kịp thời, hiệu quả ngay sau khi được phân bổ vắc xin.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: ['Trung tâm Y tế', 'Ban Chỉ đạo phòng, chống dịch các xã, thị trấn'],
        deadline: {
          date: null,
          urgent: true,
          text: 'ngay',
        },
      },
      {
        ordinal: '3',
        text: 'Các phòng, ban, ngành, đoàn thể huyện và Ban Chỉ đạo phòng, chống dịch các xã, thị trấn tăng cường kiểm tra công tác phòng, chống dịch tại các cơ quan, đơn vị, tổ chức, doanh nghiệp, nhất là tại bệnh viện, cơ sở sản xuất, chợ... yêu cầu thực hiện nghiêm antoancovid; đẩy mạnh tuyên truyền người dân tiếp tục thực hiện 5K, không vì đã tiêm vắc xin mà lơ là, chủ quan; xử lý nghiêm vi phạm về phòng, chống dịch.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: [
          'Các phòng, ban, ngành, đoàn thể huyện',
          'Ban Chỉ đạo phòng, chống dịch các xã, thị trấn',
        ],
        deadline: null,
      },
      {
        ordinal: '4',
        text: 'Phòng Lao động, Thương binh và Xã hội, Ủy ban nhân dân xã, thị trấn và các đơn vị liên quan tiếp tục rà soát, thực hiện nghiêm chính sách hỗ trợ người dân, an sinh xã hội, bảo đảm kịp thời, hiệu quả, đúng đối tượng theo quy định.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: [
          'Phòng Lao động, Thương binh và Xã hội',
          'Ủy ban nhân dân xã, thị trấn',
          'các đơn vị liên quan',
        ],
        deadline: {
          date: null,
          urgent: true,
          text: 'kịp thời',
        },
      },
    ],
    distribution: [
      {
        text: 'Như trên',
        mark: 't/h',
      },
      {
        text: 'Thường trực Huyện ủy',
        mark: 'b/c',
      },
      {
        text: 'Thường trực HĐND huyện',
        mark: 'b/c',
      },
      {
        text: 'LĐ UBND huyện',
        mark: null,
      },
      {
        text: 'Đoàn ĐBQH tỉnh',
        mark: null,
      },
      {
        text: 'Thành viên BCĐ PC Covid-19 huyện',
        mark: null,
      },
      {
        text: 'Công TTĐT huyện',
        mark: null,
      },
      {
        text: 'LĐVP',
        mark: null,
      },
      {
        text: 'Lưu: VT, (Nữ)',
        mark: null,
      },
    ],
    authority: 'TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH',
    signerTitle: 'PHÓ CHỦ TỊCH',
    signer: 'Dương Thị Phương Quế',
  },
  '002_8c5a376f7cdbadba.txt': {
    kind: 'letter',
    number: null,
    symbol: 'UBND-VX',
    issuer: 'Ủy ban nhân dân huyện Mường Tè',
    issuerSuperior: null,
    place: 'Mường Tè',
    date: null,
    datePartial: {
      day: null,
      month: 11,
      year: 2021,
    },
    subject:
      'thực hiện Thông báo số 285/TB-VPCP về kết luận của Thủ tướng Chính phủ về công tác phòng, chống dịch Covid-19',
    addressees: ['Các cơ quan, ban, ngành, đoàn thể huyện', 'Ủy ban nhân dân các xã, thị trấn'],
    references: [
      {
        kind: 'letter',
        number: '3525',
        symbol: 'UBND-VX',
        date: '2021-10-29',
        issuer: 'UBND tỉnh Lai Châu',
        relation: 'implements',
        text: 'Công văn số 3525/UBND-VX ngày 29/10/2021 của UBND tỉnh Lai Châu',
      },
      {
        kind: 'notice',
        number: '285',
        symbol: 'TB-VPCP',
        date: null,
        issuer: 'Thủ tướng Chính phủ',
        relation: 'implements',
        text: 'Thông báo số 285/TB-VPCP',
      },
      {
        kind: 'resolution',
        number: '128',
        symbol: 'NQ-CP',
        date: null,
        issuer: 'Chính phủ',
        relation: 'mentioned',
        text: 'Nghị quyết số 128/NQ-CP của Chính phủ',
      },
      {
        kind: 'decision',
        number: '4800',
        symbol: 'QĐ-BYT',
        date: null,
        issuer: 'Bộ Y tế',
        relation: 'mentioned',
        text: 'Quyết định số 4800/QĐ-BYT của Bộ Y tế',
      },
    ],
    tasks: [
      {
        ordinal: '1',
        text: 'Các cơ quan, ban, ngành, đoàn thể huyện, UBND các xã, thị trấn căn cứ chức năng, nhiệm vụ triển khai thực hiện:',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: ['Các cơ quan, ban, ngành, đoàn thể huyện', 'UBND các xã, thị trấn'],
        deadline: null,
      },
      {
        ordinal: '1.-1',
        text: 'Tổ chức phổ biến, quán triệt và triển khai thực hiện nghiêm các nội dung kết luận chỉ đạo của Thủ tướng Chính phủ tại Thông báo số 285/TB-VPCP (sao gửi kèm); chú trọng khắc phục kịp thời những tồn tại, hạn chế (nếu có); vận dụng linh hoạt, hiệu quả các kinh nghiệm đúc kết, đảm bảo phù hợp với điều kiện thực tiễn tại địa phương, đơn vị.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: ['Các cơ quan, ban, ngành, đoàn thể huyện', 'UBND các xã, thị trấn'],
        deadline: {
          date: null,
          urgent: true,
          text: 'kịp thời',
        },
      },
      {
        ordinal: '1.-2',
        text: 'Chủ động, linh hoạt, sáng tạo thực hiện hiệu quả Nghị quyết số 128/NQ-CP của Chính phủ, Quyết định số 4800/QĐ-BYT của Bộ Y tế. Đẩy nhanh tiêm vắc xin phòng Covid-19; tiếp tục truyền thông về việc “vắc xin tốt nhất là vắc xin được tiêm sớm nhất”.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: ['Các cơ quan, ban, ngành, đoàn thể huyện', 'UBND các xã, thị trấn'],
        deadline: null,
      },
      {
        ordinal: '1.-3',
        text: 'Đề cao cảnh giác, tuyệt đối không được lơ là, chủ quan với dịch bệnh, song cũng không hoang mang, mất bình tĩnh khi có dịch. Các nhiệm vụ, giải pháp phòng, chống dịch cần bảo đảm toàn diện, hiệu quả, kịp thời, bám sát thực tiễn để vừa phòng, chống dịch hiệu quả, vừa khôi phục, phát triển kinh tế xã hội, tuyệt đối không để xảy ra ách tắc trong cung ứng, lưu thông hàng hóa và hoạt động sản xuất kinh doanh.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: ['Các cơ quan, ban, ngành, đoàn thể huyện', 'UBND các xã, thị trấn'],
        deadline: {
          date: null,
          urgent: true,
          text: 'kịp thời',
        },
      },
      {
        ordinal: '1.-4',
        text: 'Tiếp tục thực hiện hiệu quả phương châm 5K + vắc xin + điều trị + công nghệ + đề cao ý thức người dân + các biện pháp cần thiết khác.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: ['Các cơ quan, ban, ngành, đoàn thể huyện', 'UBND các xã, thị trấn'],
        deadline: null,
      },
      {
        ordinal: '1.-5',
        text: 'Tiếp tục thực hiện tốt công tác an sinh xã hội, không để sót, lọt đối tượng; đảm bảo ổn định chính trị, an toàn trật tự xã hội.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: ['Các cơ quan, ban, ngành, đoàn thể huyện', 'UBND các xã, thị trấn'],
        deadline: null,
      },
      {
        ordinal: '2',
        text: 'Giao Trung tâm Y tế huyện chủ trì, phối hợp với Ban Chỉ huy Quân sự huyện, các đơn vị liên quan và UBND các xã, thị trấn thực hiện tốt 3 trụ cột trong công tác phòng, chống dịch:',
        leadUnit: 'Trung tâm Y tế huyện',
        coordinatingUnits: ['Ban Chỉ huy Quân sự huyện', 'các đơn vị liên quan', 'UBND các xã, thị trấn'],
        addressedUnits: ['Trung tâm Y tế huyện'],
        deadline: null,
      },
      {
        ordinal: '2.(1)',
        text: 'Cách ly nhanh nhất, hẹp nhất, nghiêm ngặt nhất có thể; có mục tiêu và lộ trình để có giải pháp phù hợp, hiệu quả để sớm kết thúc cách ly, phong tỏa.',
        leadUnit: 'Trung tâm Y tế huyện',
        coordinatingUnits: ['Ban Chỉ huy Quân sự huyện', 'các đơn vị liên quan', 'UBND các xã, thị trấn'],
        addressedUnits: ['Trung tâm Y tế huyện'],
        deadline: null,
      },
      {
        ordinal: '2.(2)',
        text: 'Xét nghiệm thần tốc, nhanh hơn tốc độ lây lan của dịch, bảo đảm khoa học, hợp lý, hiệu quả, tiết kiệm theo hướng dẫn của Bộ Y tế.',
        leadUnit: 'Trung tâm Y tế huyện',
        coordinatingUnits: ['Ban Chỉ huy Quân sự huyện', 'các đơn vị liên quan', 'UBND các xã, thị trấn'],
        addressedUnits: ['Trung tâm Y tế huyện'],
        deadline: null,
      },
      {
        ordinal: '2.(3)',
        text: 'Điều trị tích cực từ sớm, từ xa, ngay tại cơ sở, góp phần giảm chuyển nặng, giảm tử vong.',
        leadUnit: 'Trung tâm Y tế huyện',
        coordinatingUnits: ['Ban Chỉ huy Quân sự huyện', 'các đơn vị liên quan', 'UBND các xã, thị trấn'],
        addressedUnits: ['Trung tâm Y tế huyện'],
        deadline: null,
      },
    ],
    distribution: [
      {
        text: 'Như trên',
        mark: null,
      },
      {
        text: 'TT. Huyện uỷ',
        mark: 'b/c',
      },
      {
        text: 'Chủ tịch, PCT UBND huyện (Đ/c Nam)',
        mark: null,
      },
      {
        text: 'Các thành viên BCD huyện',
        mark: null,
      },
      {
        text: 'Trang TTĐT huyện',
        mark: null,
      },
      {
        text: 'Lưu VT',
        mark: null,
      },
    ],
    authority: 'KT. CHỦ TỊCH',
    signerTitle: 'PHÓ CHỦ TỊCH',
    signer: 'Kiều Hải Nam',
  },
  '003_e735ed85d8d8326f.txt': {
    kind: 'letter',
    number: null,
    symbol: 'UBND-VP',
    issuer: 'Ủy ban nhân dân huyện Vĩnh Tường',
    issuerSuperior: null,
    place: 'Vĩnh Tường',
    date: null,
    datePartial: {
      day: null,
      month: 10,
      year: 2021,
    },
    subject:
      'triển khai thực hiện Thông báo số 451-TB/TU ngày 08/10/2021 của Tỉnh ủy Vĩnh Phúc; Thông báo số 574-TB/HU ngày 11/10/2021 của Huyện ủy Vĩnh Tường',
    addressees: [
      'Các phòng, ban, ngành, đoàn thể huyện',
      'Các cơ quan ngành dọc đóng trên địa bàn',
      'Ủy ban nhân dân các xã, thị trấn',
    ],
    references: [
      {
        kind: 'notice',
        number: '451',
        symbol: 'TB/TU',
        date: '2021-10-08',
        issuer: 'Thường trực Tỉnh ủy',
        relation: 'implements',
        text: 'Thông báo số 451-TB/TU ngày 08/10/2021',
      },
      {
        kind: 'notice',
        number: '574',
        symbol: 'TB/HU',
        date: '2021-10-11',
        issuer: 'Huyện ủy Vĩnh Tường',
        relation: 'implements',
        text: 'Thông báo số 574-TB/HU ngày 11/10/2021',
      },
      {
        kind: 'resolution',
        number: '68',
        symbol: 'NQ-CP',
        date: '2021-07-01',
        issuer: 'Chính phủ',
        relation: 'mentioned',
        text: 'Nghị quyết 68/NQ-CP ngày 01/7/2021 của Chính phủ',
      },
    ],
    tasks: [
      {
        ordinal: '1',
        text: 'Tiếp tục thực hiện nghiêm các chỉ đạo của Bộ Chính trị, Ban Bí thư, Chính phủ, Thủ tướng Chính phủ, Ban Chỉ đạo Quốc gia, Tỉnh ủy Vĩnh Phúc, UBND tỉnh, Ban chỉ đạo tỉnh về phòng, chống dịch bệnh COVID-19; Rà soát lại toàn bộ quy trình lãnh đạo, chỉ đạo thực hiện, ra quyết định, công tác quản lý nhà nước... theo đúng chức năng, nhiệm vụ được giao trong công tác phòng, chống dịch Covid-19; hoàn thiện, lưu trữ đầy đủ hồ sơ, văn bản, công tác triển khai thực hiện theo đúng quy định. Siết chặt kỷ luật, kỷ cương hành chính đặc biệt trong công tác phòng, chống dịch bệnh; khắc phục có hiệu quả ảnh hưởng của dịch bệnh; tập trung tháo gỡ các khó khăn, điểm nghẽn, khơi thông mọi nguồn lực cho phòng, chống dịch và phát triển kinh tế - xã hội, phấn đấu hoàn thành cao nhất các chỉ tiêu, kế hoạch đã đề ra; đảm bảo thực hiện tốt các chính sách an sinh xã hội; giữ vững an ninh chính trị, trật tự an toàn xã hội; đảm bảo cung ứng, lưu thông hàng hóa phục vụ sản xuất và đời sống nhân dân.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: [],
        deadline: null,
      },
      {
        ordinal: '2',
        text: 'Văn phòng HĐND&UBND huyện: Căn cứ các văn bản quy định, hướng dẫn của cấp trên hoàn thiện các phương án, kịch bản phòng chống dịch phù hợp với tình hình mới, tư duy chống dịch mới, có tính khả thi cao; phối hợp với các cơ quan chuyên môn để đưa vào kế hoạch phát triển kinh tế - xã hội của huyện năm 2022 theo phương châm “Thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch Covid-19”.',
        leadUnit: 'Văn phòng HĐND&UBND huyện',
        coordinatingUnits: ['các cơ quan chuyên môn'],
        addressedUnits: ['Văn phòng HĐND&UBND huyện'],
        deadline: null,
      },
      {
        ordinal: '3',
        text: 'Trung tâm Y tế huyện: Nâng cao năng lực điều trị, nhất là năng lực điều trị bệnh nhân Covid-19; sử dụng trang thiết bị y tế hiện đại hỗ trợ điều trị; xây dựng kế hoạch đào tạo, bồi dưỡng, nâng cao năng lực điều trị, năng lực phòng, chống dịch cho đội ngũ y, bác sỹ đáp ứng yêu cầu trong các tình huống, kịch bản dịch bệnh diễn biến phức tạp; Chuẩn bị tốt cơ sở vật chất, nhân lực thực hiện tiêm chủng vắc xin ngừa Covid-19 với số lượng lớn, đẩy nhanh tiến độ tiêm chủng đối với các đối tượng ưu tiên.',
        leadUnit: 'Trung tâm Y tế huyện',
        coordinatingUnits: [],
        addressedUnits: ['Trung tâm Y tế huyện'],
        deadline: null,
      },
      {
        ordinal: '4',
        text: 'Phòng Lao động –TB&XH: phối hợp với UBND các xã, thị trấn đẩy nhanh tiến độ hỗ trợ người lao động, người sử dụng lao động gặp khó khăn do ảnh hưởng của dịch Covid-19 theo Nghị quyết 68/NQ-CP ngày 01/7/2021 của Chính phủ.',
        leadUnit: 'Phòng Lao động –TB&XH',
        coordinatingUnits: ['UBND các xã, thị trấn'],
        addressedUnits: ['Phòng Lao động –TB&XH'],
        deadline: null,
      },
      {
        ordinal: '5',
        text: 'UBND các xã, thị trấn:',
        leadUnit: 'UBND các xã, thị trấn',
        coordinatingUnits: [],
        addressedUnits: ['UBND các xã, thị trấn'],
        deadline: null,
      },
      {
        ordinal: '5.-1',
        text: 'Chỉ đạo hoạt động của các tổ covid cộng đồng, tổ liên gia tự quản thực hiện chức năng, nhiệm vụ trong công tác phòng, chống dịch; kiểm soát dịch chặt chẽ từ bên trong, ngăn chặn hiệu quả dịch xâm nhập từ bên ngoài.',
        leadUnit: 'UBND các xã, thị trấn',
        coordinatingUnits: [],
        addressedUnits: ['UBND các xã, thị trấn'],
        deadline: null,
      },
      {
        ordinal: '5.-2',
        text: 'Duy trì hoạt động các chốt kiểm soát dịch trên địa bàn, đặc biệt là tại những địa bàn giáp ranh với tỉnh/thành khác, địa bàn có người dân giao thương, qua lại nhiều với các địa phương đang có dịch, tuyệt đối không để dịch bệnh lây lan, bùng phát trên địa bàn quản lý.',
        leadUnit: 'UBND các xã, thị trấn',
        coordinatingUnits: [],
        addressedUnits: ['UBND các xã, thị trấn'],
        deadline: null,
      },
    ],
    distribution: [
      {
        text: 'Như trên',
        mark: null,
      },
      {
        text: 'Thường trực Huyện ủy',
        mark: 'b/c',
      },
      {
        text: 'Chủ tịch, các PCT UBND huyện',
        mark: null,
      },
      {
        text: 'Văn phòng HĐND&UBND huyện',
        mark: null,
      },
      {
        text: 'Lưu: VT',
        mark: null,
      },
    ],
    authority: 'TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH',
    signerTitle: 'PHÓ CHỦ TỊCH',
    signer: 'Lê Chí Thái',
  },
  '004_a956b0c17b9e6422.txt': {
    kind: 'letter',
    number: null,
    symbol: 'CV/BCĐ',
    issuer: 'Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh',
    issuerSuperior: 'Tỉnh ủy Lạng Sơn',
    place: 'Lạng Sơn',
    date: null,
    datePartial: {
      day: null,
      month: 1,
      year: 2022,
    },
    subject: 'tăng cường chỉ đạo công tác phòng, chống dịch COVID-19',
    addressees: ['Các thành viên Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh'],
    references: [
      {
        kind: 'decision',
        number: '01',
        symbol: 'QĐ/BCĐ',
        date: '2021-10-26',
        issuer: 'Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh',
        relation: 'mentioned',
        text: 'Quyết định số 01-QĐ/BCĐ ngày 26/10/2021 của Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh',
      },
    ],
    tasks: [
      {
        ordinal: '1',
        text: 'Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy; lãnh đạo các sở, ban, ngành là thành viên Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: [
          'Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy',
          'lãnh đạo các sở, ban, ngành là thành viên Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh',
        ],
        deadline: null,
      },
      {
        ordinal: '1.-1',
        text: 'Phát huy tinh thần trách nhiệm được giao, tăng cường kiểm tra, giám sát, chỉ đạo thực hiện nghiêm các biện pháp phòng, chống dịch tại địa bàn được phân công phụ trách theo Thông báo phân công nhiệm vụ tại Quyết định số 01-QĐ/BCĐ ngày 26/10/2021 của Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh về việc ban hành Quy chế làm việc và phân công nhiệm vụ các thành viên Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Lạng Sơn.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: [
          'Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy',
          'lãnh đạo các sở, ban, ngành là thành viên Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh',
        ],
        deadline: null,
      },
      {
        ordinal: '1.-2',
        text: 'Chỉ đạo toàn diện công tác kiểm soát dịch COVID-19 trên địa bàn phụ trách, sớm phát hiện người mắc COVID-19, nguồn lây nhiễm và kịp thời ngăn chặn nguồn lây nhiễm; đề cao trách nhiệm của người đứng đầu, sẵn sàng ứng phó mọi tình huống, tuyệt đối không lơ là, chủ quan, mất cảnh giác. Xử lý nghiêm các trường hợp không thực hiện đúng quy định về phòng chống dịch. Kiến nghị, đề xuất Trưởng Ban Chỉ đạo phòng, chống dịch tỉnh xem xét, giải quyết kịp thời các vấn đề liên quan nhằm bảo đảm công tác phòng, chống dịch COVID-19 trên địa bàn tỉnh đạt hiệu quả cao và giảm số ca mắc COVID-19.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: [
          'Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy',
          'lãnh đạo các sở, ban, ngành là thành viên Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh',
        ],
        deadline: {
          date: null,
          urgent: true,
          text: 'kịp thời',
        },
      },
      {
        ordinal: '1.-3',
        text: 'Chỉ đạo thực hiện thần tốc chiến dịch tiêm vắc xin, bảo đảm an toàn, khoa học, hiệu quả; tập trung rà soát các đối tượng từ 12 tuổi trở lên chưa được tiêm, không để bỏ sót đối tượng chưa được tiêm và đối tượng tiêm chưa đủ liều vắc xin; sau khi rà soát, khẩn trương tiêm cho các đối tượng để bảo đảm hoàn thành tiêm đủ liều cơ bản cho 100% người từ 12 tuổi trở lên và liều nhắc lại cho người từ 18 tuổi trở lên trong tháng 01/2022.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: [
          'Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy',
          'lãnh đạo các sở, ban, ngành là thành viên Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh',
        ],
        deadline: {
          date: '2022-01-31',
          urgent: true,
          text: 'trong tháng 01/2022',
        },
      },
      {
        ordinal: '2',
        text: 'Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 các huyện, thành phố',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: ['Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 các huyện, thành phố'],
        deadline: null,
      },
      {
        ordinal: '2.-1',
        text: 'Tiếp tục tập trung chỉ đạo thực hiện quyết liệt, nghiêm túc các biện pháp phòng, chống dịch COVID-19 theo quy định; tuyệt đối không lơ là, chủ quan, mất cảnh giác; tăng cường việc kiểm tra, giám sát điều trị, cách ly tại nhà theo hướng dẫn của Bộ Y tế bảo đảm chặt chẽ, kiểm soát tốt dịch trong trạng thái bình thường mới.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: ['Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 các huyện, thành phố'],
        deadline: null,
      },
      {
        ordinal: '2.-2',
        text: 'Quyết liệt chỉ đạo thực hiện chiến dịch tiêm vắc xin, bảo đảm an toàn, hiệu quả; tập trung rà soát và khẩn trương tiêm cho các đối tượng để bảo đảm hoàn thành tiêm đủ liều cơ bản cho 100% người từ 12 tuổi trở lên và liều nhắc lại cho người từ 18 tuổi trở lên trong tháng 01/2022.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: ['Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 các huyện, thành phố'],
        deadline: {
          date: '2022-01-31',
          urgent: true,
          text: 'trong tháng 01/2022',
        },
      },
      {
        ordinal: '2.-3',
        text: 'Chỉ đạo thực hiện các hoạt động trong dịp Tết Nguyên đán, kiểm soát các hoạt động lễ hội đầu năm bảo đảm an toàn với dịch COVID-19, dừng các hoạt động tập trung đông người không cần thiết.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: ['Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 các huyện, thành phố'],
        deadline: null,
      },
      {
        ordinal: '2.-4',
        text: 'Chỉ đạo chuẩn bị tốt phương án tổ chức Tết Nguyên đán cho các đối tượng tại các khu điều trị F0 và cách ly F1; tổ chức thăm hỏi, động viên, hỗ trợ các lực lượng phòng, chống dịch COVID-19 trong dịp Tết Nguyên đán trên địa bàn.',
        leadUnit: null,
        coordinatingUnits: [],
        addressedUnits: ['Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 các huyện, thành phố'],
        deadline: null,
      },
    ],
    distribution: [
      {
        text: 'Như trên',
        mark: null,
      },
      {
        text: 'Bí thư, Phó Bí thư Tỉnh ủy',
        mark: null,
      },
      {
        text: 'Thường trực HĐND tỉnh',
        mark: null,
      },
      {
        text: 'Chủ tịch, các Phó Chủ tịch UBND tỉnh',
        mark: null,
      },
      {
        text: 'UBND các huyện, thành phố',
        mark: null,
      },
      {
        text: 'C, PCVP UBND tỉnh, các phòng CV, ĐV trực thuộc',
        mark: null,
      },
      {
        text: 'Lưu: VT, KG-VX (NTB)',
        mark: null,
      },
    ],
    authority: 'KT. TRƯỞNG BAN',
    signerTitle: 'PHÓ TRƯỞNG BAN THƯỜNG TRỰC, CHỦ TỊCH UBND TỈNH',
    signer: 'Hồ Tiến Thiệu',
  },
};

/** The body runs from the first paragraph after "Kính gửi" to the closing sentence. */
const BODY_ENDS: Record<string, [string, string]> = {
  '000_0cc6a49cf5414292.txt': [
    'Thực hiện Công văn số 2043/UBND-KGVX ngày 06/12/2021',
    'UBND huyện yêu cầu các cơ quan thực hiện nghiêm túc các nội dung trên./.',
  ],
  '001_9d2a3f44634b48a4.txt': [
    'Thực hiện Văn bản số 7572/UBND-VXNV ngày 10/11/2021',
    'Với nội dung trên, các cơ quan, đơn vị, địa phương triển khai thực hiện./.',
  ],
  '002_8c5a376f7cdbadba.txt': [
    'Thực hiện Công văn số 3525/UBND-VX ngày 29/10/2021',
    'UBND các xã, thị trấn nghiêm túc tổ chức triển khai thực hiện./.',
  ],
  '003_e735ed85d8d8326f.txt': [
    'Thực hiện ý kiến chỉ đạo của Thường trực Tỉnh ủy',
    'Ủy ban nhân dân các xã, thị trấn nghiêm túc triển khai thực hiện./.',
  ],
  '004_a956b0c17b9e6422.txt': [
    'Trước tình hình dịch COVID-19 thời gian gần đây',
    'quan tâm chỉ đạo, triển khai thực hiện./.',
  ],
};

describe('parseDocument on the seed letters', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`reads every field of ${file}`, () => {
      const { body, ...parsed } = parseDocument(readLetter(file));
      expect(parsed).toEqual(expected);
      const [start, end] = BODY_ENDS[file] ?? ['', ''];
      expect(body.startsWith(start)).toBe(true);
      expect(body.endsWith(end)).toBe(true);
      expect(body).not.toMatch(/Kính gửi|Nơi nhận|\*\*/);
    });
  }

  it('reads a seed the same after Windows line endings, NBSP and unwrapped markdown', () => {
    const file = '000_0cc6a49cf5414292.txt';
    const original = parseDocument(readLetter(file));
    const windows = readLetter(file)
      .replace(/\n/g, '\r\n')
      .replace(/ (?=tháng|năm)/g, '\u00a0');
    expect(parseDocument(windows)).toEqual(original);
  });

  // A PDF export hard-wraps lines and often drops the blank lines between paragraphs.
  for (const width of [60, 80]) {
    for (const blankLines of [true, false]) {
      it(`reads every seed the same when hard-wrapped at ${width} columns ${blankLines ? 'with' : 'without'} blank lines`, () => {
        for (const file of Object.keys(EXPECTED)) {
          const text = readLetter(file);
          const { body: _originalBody, ...original } = parseDocument(text);
          const wrapped = text
            .split('\n')
            .filter((line) => blankLines || line.trim() !== '')
            .flatMap((line) => (line.trim() ? wrap(line, width) : ['']))
            .join('\n');
          const { body: _wrappedBody, ...parsed } = parseDocument(wrapped);
          expect(parsed, file).toEqual(original);
        }
      });
    }
  }
});

function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && current.length + word.length + 1 > width) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  return out;
}
