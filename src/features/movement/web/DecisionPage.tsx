import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorNotice } from '../../../web/ErrorNotice.tsx';
import { formatDate } from '../../../web/format.ts';
import { Loading } from '../../../web/Loading.tsx';
import { useCurrentUser } from '../../../web/session.ts';
import { useDocumentTitle } from '../../../web/useDocumentTitle.ts';
import { useUnit } from '../../admin-units/web/index.ts';
import { useCheckpoints } from './movement-api.ts';
import './movement.css';

/**
 * The signer's block heading (Decree 30/2020, Appendix I): the chairman signs on behalf of the committee
 * ("TM."), a vice-chair for the chairman ("KT."); another position is printed as recorded. A decision recorded
 * before signers were (migration 0094) is printed for the chairman, signed by hand.
 */
function signerHeading(title: string | null): string[] {
  const role = title?.match(/^(phó )?chủ tịch/i);
  if (!title || role)
    return role?.[1] ? ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];
  return [title.toLocaleUpperCase('vi')];
}

/**
 * /movement/checkpoints/:id/decision/:kind — the decision that opened (`open`) or closed (`close`) a checkpoint,
 * as a printable document in the official layout of Decree 30/2020/NĐ-CP (Appendix I): the issuing unit and the
 * national motto side by side, number and place-date, title, the articles, the recipients and the signer's block
 * (the signer recorded with the decision, who signs by hand on the printed page). Always in Vietnamese: it is an administrative document.
 */
export function DecisionPage() {
  const { t } = useTranslation();
  const { id, kind } = useParams();
  const user = useCurrentUser();
  const list = useCheckpoints(user.unitCode);
  const checkpoint = list.data?.checkpoints.find((c) => c.id === Number(id));
  const unit = useUnit(checkpoint?.communeCode ?? '');
  useDocumentTitle(t('movement.decision.title'));
  if (list.isPending || (checkpoint && unit.isPending)) return <Loading />;
  if (list.error || unit.error) return <ErrorNotice error={list.error ?? unit.error} />;
  const decision = kind === 'close' ? checkpoint?.closed : checkpoint?.opened;
  if (!checkpoint || !decision || !unit.data) return <p className="muted">{t('movement.decision.none')}</p>;
  const commune = unit.data.unit.nameWithType;
  const district = unit.data.path.find((p) => p.level === 2)?.nameWithType ?? '';
  const [y, m, d] = decision.decisionDate.split('-');
  const opening = kind !== 'close';
  return (
    <>
      <div className="actions no-print">
        <button type="button" className="btn primary" onClick={() => window.print()}>
          {t('movement.decision.print')}
        </button>
        <Link className="btn" to="/movement/checkpoints">
          {t('movement.decision.back')}
        </Link>
      </div>
      <article className="decision-doc" lang="vi" data-testid="checkpoint-decision">
        <header className="decision-head">
          <div>
            <p>{district.toUpperCase()}</p>
            <p className="strong">ỦY BAN NHÂN DÂN {commune.toUpperCase()}</p>
            <p>Số: {decision.decisionNumber}</p>
          </div>
          <div>
            <p className="strong">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
            <p className="strong underline">Độc lập - Tự do - Hạnh phúc</p>
            <p className="italic">
              {commune}, ngày {d} tháng {m} năm {y}
            </p>
          </div>
        </header>
        <h2 className="decision-title">
          QUYẾT ĐỊNH
          <br />
          <span>
            Về việc {opening ? 'thành lập' : 'giải thể'} chốt kiểm soát phòng, chống dịch COVID-19 “
            {checkpoint.name}”
          </span>
        </h2>
        <p className="strong center">CHỦ TỊCH ỦY BAN NHÂN DÂN {commune.toUpperCase()}</p>
        <p className="italic">Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;</p>
        <p className="italic">Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21/11/2007;</p>
        <p className="italic">
          Căn cứ Nghị quyết số 128/NQ-CP ngày 11/10/2021 của Chính phủ ban hành Quy định tạm thời “Thích ứng
          an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19”;
        </p>
        <p className="italic">Theo đề nghị của Ban Chỉ đạo phòng, chống dịch COVID-19 {commune},</p>
        <p className="strong center">QUYẾT ĐỊNH:</p>
        {opening ? (
          <p>
            <strong>Điều 1.</strong> Thành lập chốt kiểm soát phòng, chống dịch COVID-19 “{checkpoint.name}”
            tại {checkpoint.place}, hoạt động từ ngày {formatDate(decision.decisionDate)} cho đến khi có quyết
            định giải thể. Chốt kiểm soát người và phương tiện ra vào địa bàn, hướng dẫn khai báo y tế, chuyển
            người có nguy cơ đi xét nghiệm; trực theo ca và bàn giao ca theo quy định.
          </p>
        ) : (
          <p>
            <strong>Điều 1.</strong> Giải thể chốt kiểm soát phòng, chống dịch COVID-19 “{checkpoint.name}”
            tại {checkpoint.place} (thành lập theo Quyết định số {checkpoint.opened.decisionNumber} ngày{' '}
            {formatDate(checkpoint.opened.decisionDate)}), kể từ ngày {formatDate(decision.decisionDate)}.
          </p>
        )}
        <p>
          <strong>Điều 2.</strong> Quyết định có hiệu lực kể từ ngày ký.
        </p>
        <p>
          <strong>Điều 3.</strong> Văn phòng HĐND và UBND, Ban Chỉ đạo phòng, chống dịch COVID-19, Công an{' '}
          {commune} và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.
        </p>
        <footer className="decision-foot">
          <div className="recipients">
            <p className="strong italic">Nơi nhận:</p>
            <p>- Như Điều 3;</p>
            <p>- UBND {district} (b/c);</p>
            <p>- Lưu: VT.</p>
          </div>
          <div className="signer" data-testid="decision-signer">
            {signerHeading(decision.signerTitle).map((line) => (
              <p key={line} className="strong">
                {line}
              </p>
            ))}
            <p className="signature-space" />
            {decision.signerName && <p className="strong">{decision.signerName}</p>}
          </div>
        </footer>
      </article>
    </>
  );
}
