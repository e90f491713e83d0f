// Texts of every list: its toolbar, export, tabs and empty state, in Simplified Chinese and English (typed by the Chinese).

export const zhTables = {
  'table.search': '搜索',
  'table.export': '导出 Excel',
  'table.exporting': '正在导出…',
  'table.empty': '暂无数据',
  'table.todo': '待办',
  'table.done': '已处理',
  'table.all': '全部',
  'table.total': '共 {total} 条',
} as const;

export const enTables: Record<keyof typeof zhTables, string> = {
  'table.search': 'Search',
  'table.export': 'Export to Excel',
  'table.exporting': 'Exporting…',
  'table.empty': 'Nothing here yet',
  'table.todo': 'To do',
  'table.done': 'Done',
  'table.all': 'All',
  'table.total': '{total} in all',
};
