/** "SafeAdapt — Thích ứng an toàn"; on a narrow screen the Vietnamese name goes under the brand. */
export function AppName() {
  return (
    <span className="brand">
      <span className="brand-main">SafeAdapt</span>
      <span className="brand-sep"> — </span>
      <span className="brand-sub">Thích ứng an toàn</span>
    </span>
  );
}
