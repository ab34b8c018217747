/**
 * Simplified Chinese the door needs to paint: the top bar, the banners, the booking list and
 * the visit panel. Everything else is in ./zh-CN-screens and loads as the door paints, with
 * the parts that use it (src/ui/later.tsx, `withScreenMessages`).
 */
export const zhCN = {
  app: {
    title: '入口防疫检查',
    nav: {
      lead: '值班组长',
      door: '门岗检查',
      guide: '引导叫号',
      board: '叫号屏',
      log: '今日台账',
      settings: '设置',
    },
    // The top bar is full: the short name, with the full one as its label.
    language: 'EN',
    languageLabel: '切换语言',
    ticketClash:
      '本机和另一台平板都在用排队号字母 {{letter}}，今天的号码会重复。请值班组长到“设置”为本机换一个字母。',
    role: { lead: '组长已解锁', lock: '锁定' },
  },
  /** The checked clock's warning at the door (issue 23): how far off, and what to do. */
  clock: {
    ahead: {
      minute: '平板时钟比服务器快 {{count}} 分钟，请校准时间（系统设置 › 日期和时间）',
      hour: '平板时钟比服务器快 {{count}} 小时，请校准时间（系统设置 › 日期和时间）',
      day: '平板时钟比服务器快 {{count}} 天，请校准时间（系统设置 › 日期和时间）',
    },
    behind: {
      minute: '平板时钟比服务器慢 {{count}} 分钟，请校准时间（系统设置 › 日期和时间）',
      hour: '平板时钟比服务器慢 {{count}} 小时，请校准时间（系统设置 › 日期和时间）',
      day: '平板时钟比服务器慢 {{count}} 天，请校准时间（系统设置 › 日期和时间）',
    },
    kept: '记录的日期和排队号按服务器时间计算，不受影响。',
  },
  storage: {
    quota:
      '平板存储空间已满：这一步没有保存。之前已确认的步骤都已保存，不会丢失。请勿离开此屏幕，马上告诉值班组长（同步、释放空间），然后点“重试”。',
    fullLead:
      '存储空间已满（{{time}} 起）：门岗的记录无法保存，已确认的记录都还在。请：① 联网后点“立即同步”，让服务器收到本机记录；② 在“个人信息保留”中点“立即清除”，清除过期数据；③ 删除平板上其他应用或文件释放空间。然后让门岗点“重试”。',
    unavailable: '平板存储暂不可用，本次记录未保存。请勿离开此屏幕，点“重试”。',
    invalid:
      '本次记录含有无法保存的内容（控制字符、无效身份证号或手机号、不可能的体温），未保存。请更正后重试。',
    unknown: '保存失败，本次记录未保存。请勿离开此屏幕，点“重试”。',
    retry: '重试',
    persistenceDenied: '浏览器未授予持久存储：数据可能在空间不足时被清除，请尽快同步或联系管理员。',
  },
  musts: {
    appointment: '预约',
    mask: '口罩',
    hands: '手消毒',
    temperature: '体温',
    identity: '身份证',
    codes: '健康码/行程码',
  },
  door: {
    /** A tablet enrolled during the day, before its first full pull (issue 23). */
    takeOver: {
      title: '正在从服务器取回今天的记录…',
      detail:
        '本机刚登记到大厅服务器。取回今天的排队号、休息待复测的来访者、隔离登记和物资数量后才能开始检查，以免排队号重复。',
      unreachable:
        '服务器暂时连不上，今天的记录还没有取回。请检查网络；值班组长可在“设置 › 连接大厅服务器”中选择先离线检查。',
    },
    stepN: '第{{n}}步 · {{title}}',
    visitor: '当前来访者',
    walkInVisitor: '无预约来访者',
    slot: '预约 {{start}}–{{end}}',
    abandon: '来访者离开',
    abandonConfirm: '确认来访者已离开？记录会保留。',
    yes: '确认',
    no: '取消',
    appointment: {
      title: '查找预约',
      search: '输入手机号、姓名或预约号',
      none: '今天没有匹配的预约',
      otherDay: '今天没有匹配的预约：{{who}}（{{id}}）预约的是 {{day}}，不是今天',
      noBookings: '今天尚未导入预约名单（设置 → 导入预约）',
      more: '还有 {{count}} 个预约：请搜索',
      walkIn: '无预约',
      urgentQuestion: '无预约：是否为无法推迟的紧急事项？',
      urgentYes: '是，紧急事项',
      urgentNo: '不是',
      due: '按预约时间排序',
    },
    scan: {
      bookingTitle: '扫描预约码',
      codesTitle: '扫描健康码 / 行程码',
      bookingFound: '已扫码：{{name}} 的预约 {{id}}',
      bookingNotFound: '预约 {{id}} 不在今天的预约名单中：请手动查找，或按无预约处理',
      bookingUsed: '预约 {{id}} 今天已经检查过',
      bookingExpired: '预约码已过期（预约日期 {{day}}）：请重新预约',
      bookingFuture: '这是 {{day}} 的预约码，不是今天的',
      healthSeen: '已扫健康码（未验证）：请看手机上的颜色并确认',
      travelSeen: '已扫行程码（未验证）：请看手机上的行程并确认',
      healthChip: '健康码已扫描 · 未验证',
      travelChip: '行程码已扫描 · 未验证',
      notBooking: '这是健康码或行程码：请先扫预约码，或在名单中查找预约',
      notCodes: '这是预约码：请扫健康码或行程码',
      unknown: '未识别的二维码：请查看来访者手机并手动确认',
      empty: '扫到的内容是空的：请重新扫码',
      oversized: '二维码内容过长，无法使用：请手动确认',
      'booking-format': '预约码格式不对：请在名单中查找预约',
      'booking-date': '预约码日期不对：请在名单中查找预约',
      'booking-check': '预约码校验不通过（可能被改动）：请在名单中查找预约',
      expired: '码已过期：请来访者刷新后再扫',
      invalid: '码无效（签名不对）：请手动核实',
      unhashable: '无法记录此次扫码（浏览器不支持加密）：请按颜色手动确认',
    },
  },
  occupancy: {
    label: '等候区',
    levels: { low: '有空位', nearing: '将满', full: '已满' },
    outside: '门外 {{count}} 人',
  },
  sync: {
    localOnly: '仅保存在本机',
    blocked: {
      cors: '服务器拒绝本机地址（CORS）· 待同步 {{what}}',
      tls: '安全连接失败（TLS）· 待同步 {{what}}',
      csp: '页面安全策略阻止连接（CSP）· 待同步 {{what}}',
    },
    pending: '仅在本机 {{what}}',
    visitors: '{{count}} 人',
    records: '{{count}} 条记录',
    nothing: '无待同步',
    synced: '已同步 {{time}}',
    since: '最早 {{time}}',
    last: '上次 {{time}}',
    unauthorised: '本机未授权，请重新登记',
  },
  sound: {
    title: '提示音',
    volume: '音量',
    mute: '静音',
    unmute: '打开提示音',
    on: '提示音已打开（音量 {{volume}}%）',
    off: '提示音已关闭',
    test: '试听',
  },
  hall: {
    supplies: {
      title: '防疫物资',
      items: { masks: '口罩', disinfectant: '消毒液', thermometers: '体温计' },
      units: { masks: '只', disinfectant: '瓶', thermometers: '支' },
      stock: '库存',
      low: '低于 {{low}} 预警',
      lowLine: '{{item}}剩余 {{quantity}} {{unit}}',
      shortfall: '{{item}}发放超出库存 {{shortfall}} {{unit}}：请盘点',
      item: '物资',
      quantity: '数量',
      receive: '登记入库',
      count: '盘点（实有数量）',
      answers: {
        ok: '已记录',
        'unknown-item': '请选择物资',
        quantity: '请输入整数数量',
      },
    },
  },
};
