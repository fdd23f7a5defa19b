/** Fonts for every chart and page: system UI faces, then Noto Sans CJK SC for Chinese text. */
export const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
