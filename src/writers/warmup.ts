/**
 * What a background writer lays out while it waits for the real tree (writers/background-process.ts),
 * in two steps. The first document, one paragraph, pays what any first document pays — the fonts
 * opened, the writer's code run once — work the real tree would otherwise do itself, so it is
 * never wasted. The second touches what a real report uses — the header block, the four font
 * styles, a justified paragraph, a list, a table and the signature — so that its code is warm;
 * it pays only while the tree is still being made. Between steps the writer looks for the tree,
 * or for `TREE_COMING`, which the parent sends just before the tree: a large tree takes a while
 * to arrive, and a step begun meanwhile would keep it waiting.
 */
import type { Root } from '../doctree/types.js';

const text = (value: string) => ({ type: 'text' as const, value });

export const WARM_UP_TREE: Root = {
  type: 'root',
  meta: { title: 'Khởi động', author: 'baocao', date: '2024-01-01T00:00:00Z' },
  children: [
    { type: 'header', parentAgency: 'UBND TỈNH', agency: ['ỦY BAN NHÂN DÂN', 'XÃ MẪU'], numberLine: 'Số: 01/BC-UBND', placeDateLine: 'Mẫu, ngày 01 tháng 01 năm 2024' },
    { type: 'title', kind: 'BÁO CÁO', summary: ['Khởi động bộ dàn trang'] },
    { type: 'recipients', items: ['Hội đồng nhân dân xã'] },
    { type: 'heading', depth: 1, label: 'I.', children: [text('KẾT QUẢ THỰC HIỆN')] },
    { type: 'paragraph', children: [
      text('Thực hiện Quyết định số 4365/QĐ-UBND ngày 20/11/2024, Ủy ban nhân dân đã hoàn thành công tác giải phóng mặt bằng đối với 08 dự án, tổng kinh phí '),
      { type: 'figure', id: 'x', value: '676.373 triệu đồng' }, text('; '),
      { type: 'emphasis', children: [text('đẩy mạnh chuyển đổi số')] }, text(' và '),
      { type: 'strong', children: [{ type: 'emphasis', children: [text('xây dựng nông thôn mới')] }] }, text('.'),
    ] },
    { type: 'list', marker: '-', children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [text('Tỷ lệ hồ sơ nộp trực tuyến: đạt 94,75%')] }] }] },
    { type: 'table', columns: [{ width: 10, align: 'center' }, { width: 60, align: 'left' }, { width: 30, align: 'right' }], fontSize: 12, children: [
      { type: 'tableRow', kind: 'header', children: [{ type: 'tableCell', children: [text('STT')] }, { type: 'tableCell', children: [text('Danh mục')] }, { type: 'tableCell', children: [text('Vốn')] }] },
      { type: 'tableRow', kind: 'body', children: [{ type: 'tableCell', children: [text('1')] }, { type: 'tableCell', children: [text('Đường giao thông')] }, { type: 'tableCell', children: [text('1.000')] }] },
      { type: 'tableRow', kind: 'total', children: [{ type: 'tableCell', children: [] }, { type: 'tableCell', children: [text('Tổng cộng')] }, { type: 'tableCell', children: [text('1.000')] }] },
    ] },
    { type: 'signature', distribution: ['Như trên', 'Lưu: VT'], authority: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Nguyễn Văn A' },
  ],
};

/** The warm-up steps, in order: the first opens the fonts, the second warms the rest. */
export const WARM_UP_STEPS: readonly Root[] = [
  { ...WARM_UP_TREE, children: WARM_UP_TREE.children.filter((b) => b.type === 'paragraph') },
  WARM_UP_TREE,
];

/** Sent by the parent right before the tree: stop warming up. */
export const TREE_COMING = 'tree-coming';
