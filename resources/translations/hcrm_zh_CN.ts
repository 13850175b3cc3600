<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name />
        <message>
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
    </context>
    <context>
        <name>ActionForm</name>
        <message>
            <source>Patient unreachable</source>
            <translation>患者无法联系</translation>
        </message>
        <message>
            <source>Satisfaction (1-5)</source>
            <translation>满意度（1-5）</translation>
        </message>
        <message>
            <source>Handler</source>
            <translation>处理人</translation>
        </message>
        <message>
            <source>Handling department</source>
            <translation>处理部门</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>Save (Ctrl+Enter)</source>
            <translation>保存 (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <source>Resolve the case</source>
            <translation>解决工单</translation>
        </message>
        <message>
            <source>Close the case</source>
            <translation>关闭工单</translation>
        </message>
        <message>
            <source>Reopen the case</source>
            <translation>重新打开工单</translation>
        </message>
        <message>
            <source>Reply or response</source>
            <translation>回复 / 处理记录</translation>
        </message>
        <message>
            <source>Assign the case</source>
            <translation>指派工单</translation>
        </message>
        <message>
            <source>Change the severity (the deadlines are recomputed)</source>
            <translation>修改严重程度（期限将重新计算）</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Reply</source>
            <translation>回复</translation>
        </message>
        <message>
            <source>(nobody)</source>
            <translation>（无人）</translation>
        </message>
        <message>
            <source>(unchanged)</source>
            <translation>（不变）</translation>
        </message>
        <message>
            <source>Press Esc again to discard what you typed.</source>
            <translation>再按一次 Esc 放弃已输入的内容。</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsView</name>
        <message>
            <source>Live board</source>
            <translation>实时看板</translation>
        </message>
        <message>
            <source>Agent performance</source>
            <translation>坐席绩效</translation>
        </message>
        <message>
            <source>QA review</source>
            <translation>质检评分</translation>
        </message>
        <message>
            <source>Customer analytics</source>
            <translation>客户分析</translation>
        </message>
        <message>
            <source>Segments</source>
            <translation>客户分层</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>报表</translation>
        </message>
        <message>
            <source>Analytics</source>
            <translation>统计</translation>
        </message>
        <message>
            <source>For supervisors and administrators.</source>
            <translation>供客服主管和系统管理员使用。</translation>
        </message>
        <message>
            <source>Coming in a later version: analytics and reports</source>
            <translation>此功能将在后续版本提供：统计分析与报表</translation>
        </message>
    </context>
    <context>
        <name>AnalyticsWords</name>
        <message>
            <source>First-time</source>
            <translation>首次</translation>
        </message>
        <message>
            <source>Prospect</source>
            <translation>潜在</translation>
        </message>
        <message>
            <source>Long-term</source>
            <translation>长期</translation>
        </message>
        <message>
            <source>Lapsed</source>
            <translation>流失</translation>
        </message>
        <message>
            <source>Low income</source>
            <translation>低收入</translation>
        </message>
        <message>
            <source>Middle income</source>
            <translation>中等收入</translation>
        </message>
        <message>
            <source>Upper-middle income</source>
            <translation>中高收入</translation>
        </message>
        <message>
            <source>High income</source>
            <translation>高收入</translation>
        </message>
        <message>
            <source>Customer type</source>
            <translation>客户类型</translation>
        </message>
        <message>
            <source>Age band</source>
            <translation>年龄段</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>省份</translation>
        </message>
        <message>
            <source>City</source>
            <translation>城市</translation>
        </message>
        <message>
            <source>District</source>
            <translation>区县</translation>
        </message>
        <message>
            <source>Occupation</source>
            <translation>职业</translation>
        </message>
        <message>
            <source>Income</source>
            <translation>收入</translation>
        </message>
        <message>
            <source>Package choice</source>
            <translation>套餐选择</translation>
        </message>
        <message>
            <source>Discharged patients</source>
            <translation>出院患者</translation>
        </message>
        <message>
            <source>Abnormal checkups</source>
            <translation>体检异常</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>The file could not be written. Choose another folder.</source>
            <translation>无法写入文件，请选择其他文件夹。</translation>
        </message>
        <message>
            <source>The table could not be exported.</source>
            <translation>无法导出此表。</translation>
        </message>
        <message>
            <source>No Chinese font was found for the PDF (install fonts-noto-cjk).</source>
            <translation>找不到用于 PDF 的中文字体（请安装 fonts-noto-cjk）。</translation>
        </message>
        <message>
            <source>Choose a month.</source>
            <translation>请选择月份。</translation>
        </message>
        <message>
            <source>Required.</source>
            <translation>必填。</translation>
        </message>
        <message>
            <source>Nobody is on the list.</source>
            <translation>名单中没有客户。</translation>
        </message>
        <message>
            <source>Too long.</source>
            <translation>内容过长。</translation>
        </message>
        <message>
            <source>Must be greater than zero.</source>
            <translation>必须大于零。</translation>
        </message>
        <message>
            <source>Must be longer than the recent period.</source>
            <translation>必须长于近期期限。</translation>
        </message>
        <message>
            <source>Must be at least the lapsed period.</source>
            <translation>不能短于流失期限。</translation>
        </message>
        <message>
            <source>Must be between 1 and 10.</source>
            <translation>必须在 1 到 10 之间。</translation>
        </message>
        <message>
            <source>The saved thresholds could not be read; defaults are used.</source>
            <translation>无法读取已保存的阈值，已使用默认值。</translation>
        </message>
        <message>
            <source>Something went wrong.</source>
            <translation>出现问题。</translation>
        </message>
    </context>
    <context>
        <name>ArticleEditor</name>
        <message>
            <source>Edit article</source>
            <translation>编辑条目</translation>
        </message>
        <message>
            <source>New article</source>
            <translation>新建条目</translation>
        </message>
        <message>
            <source>Words callers use, separated by spaces</source>
            <translation>来电者常用的说法，用空格分隔</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>分类</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Keywords</source>
            <translation>关键词</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>答案</translation>
        </message>
        <message>
            <source>Discard changes?</source>
            <translation>放弃修改？</translation>
        </message>
        <message>
            <source>What you typed in this article will be lost.</source>
            <translation>本条目中输入的内容将会丢失。</translation>
        </message>
    </context>
    <context>
        <name>AssignDialog</name>
        <message>
            <source>Assign follow-up tasks</source>
            <translation>分配随访任务</translation>
        </message>
        <message numerus="yes">
            <source>Give the %n selected task(s) to the nurse ticked</source>
            <translation>
                <numerusform>将选中的 %n 个任务分配给勾选的护士</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Take the %n selected task(s) back (unassigned)</source>
            <translation>
                <numerusform>收回选中的 %n 个任务（设为未分配）</numerusform>
            </translation>
        </message>
        <message>
            <source>Rebalance the open tasks evenly among the nurses ticked</source>
            <translation>在勾选的护士之间平均重新分配待办任务</translation>
        </message>
        <message>
            <source>%1 (%2) · %3 open</source>
            <translation>%1（%2）· 待办 %3</translation>
        </message>
        <message>
            <source>Nurses (Space ticks one)</source>
            <translation>护士（空格键勾选）</translation>
        </message>
        <message>
            <source>Tick exactly one nurse.</source>
            <translation>请只勾选一位护士。</translation>
        </message>
        <message>
            <source>Tick the nurses to share the tasks.</source>
            <translation>请勾选分担任务的护士。</translation>
        </message>
    </context>
    <context>
        <name>BoardPanel</name>
        <message>
            <source>Contacts today</source>
            <translation>今日接触</translation>
        </message>
        <message>
            <source>Open complaints</source>
            <translation>未结投诉</translation>
        </message>
        <message>
            <source>Overdue complaints</source>
            <translation>超时投诉</translation>
        </message>
        <message>
            <source>Complaints at risk</source>
            <translation>即将超时投诉</translation>
        </message>
        <message>
            <source>Follow-ups due today</source>
            <translation>今日应随访</translation>
        </message>
        <message>
            <source>Follow-ups done today</source>
            <translation>今日已完成随访</translation>
        </message>
        <message>
            <source>By channel</source>
            <translation>按渠道</translation>
        </message>
        <message>
            <source>By contact type</source>
            <translation>按接触类型</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Complaints by SLA</source>
            <translation>投诉时限</translation>
        </message>
        <message>
            <source>Follow-ups by staff</source>
            <translation>各人员随访进度</translation>
        </message>
        <message>
            <source>Follow-ups by department</source>
            <translation>各科室随访进度</translation>
        </message>
        <message>
            <source>Agents</source>
            <translation>坐席状态</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>工单号</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>主题</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>科室</translation>
        </message>
        <message>
            <source>Handler</source>
            <translation>处理人</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>到期</translation>
        </message>
        <message>
            <source>Time left</source>
            <translation>剩余时间</translation>
        </message>
        <message>
            <source>SLA</source>
            <translation>时限状态</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Remaining</source>
            <translation>未完成</translation>
        </message>
        <message>
            <source>Lost to follow-up</source>
            <translation>失访</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>坐席</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>班组</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Last activity</source>
            <translation>最近活动</translation>
        </message>
        <message>
            <source>Follow-up calls today</source>
            <translation>今日随访呼叫</translation>
        </message>
        <message>
            <source>Updated {time}</source>
            <translation>更新于 {time}</translation>
        </message>
        <message>
            <source>Contacts by hour</source>
            <translation>今日分时接触量</translation>
        </message>
    </context>
    <context>
        <name>BookingSection</name>
        <message>
            <source>Booking</source>
            <translation>预约</translation>
        </message>
        <message>
            <source>Open bookings for this customer…</source>
            <translation>为该客户打开预约…</translation>
        </message>
        <message>
            <source>Book, reschedule or cancel there; record the contact here.</source>
            <translation>在预约界面预约、改约或取消；在此记录本次接触。</translation>
        </message>
    </context>
    <context>
        <name>BookingWords</name>
        <message>
            <source>Booked</source>
            <translation>已预约</translation>
        </message>
        <message>
            <source>Rescheduled</source>
            <translation>已改约</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>No-show</source>
            <translation>爽约</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Morning</source>
            <translation>上午</translation>
        </message>
        <message>
            <source>Afternoon</source>
            <translation>下午</translation>
        </message>
        <message>
            <source>Checkup package</source>
            <translation>体检套餐</translation>
        </message>
        <message>
            <source>Specialist clinic</source>
            <translation>专家门诊</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>周一</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>周二</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>周三</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>周四</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>周五</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>周六</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>周日</translation>
        </message>
        <message>
            <source>This slot is full. Choose another day or period.</source>
            <translation>该时段已约满，请选择其他日期或时段。</translation>
        </message>
        <message>
            <source>This day and period are already over.</source>
            <translation>该日期时段已过。</translation>
        </message>
        <message>
            <source>This package is for the other sex only.</source>
            <translation>该套餐仅限另一性别。</translation>
        </message>
        <message>
            <source>The customer is already booked for this day.</source>
            <translation>客户当天已有同一项目的预约。</translation>
        </message>
        <message>
            <source>The customer is recorded as deceased.</source>
            <translation>该客户已登记为故去。</translation>
        </message>
        <message>
            <source>This record was merged into another one; search again.</source>
            <translation>该档案已合并到另一档案，请重新查找。</translation>
        </message>
        <message>
            <source>The customer record no longer exists.</source>
            <translation>该客户档案已不存在。</translation>
        </message>
        <message>
            <source>This slot no longer exists.</source>
            <translation>该号源已不存在。</translation>
        </message>
        <message>
            <source>This booking no longer exists.</source>
            <translation>该预约已不存在。</translation>
        </message>
        <message>
            <source>Not possible in the booking's current state.</source>
            <translation>预约当前状态下不能进行此操作。</translation>
        </message>
        <message>
            <source>Only possible from the day of the booking on.</source>
            <translation>预约当天起才能进行此操作。</translation>
        </message>
        <message>
            <source>Choose a different slot to move the booking to.</source>
            <translation>请选择另一个时段进行改约。</translation>
        </message>
        <message>
            <source>Required.</source>
            <translation>必填。</translation>
        </message>
        <message>
            <source>Too long.</source>
            <translation>内容过长。</translation>
        </message>
        <message>
            <source>Emoji and symbols cannot be saved here.</source>
            <translation>此处不能保存表情符号和特殊符号。</translation>
        </message>
        <message>
            <source>Only supervisors and administrators may do this.</source>
            <translation>仅客服主管和系统管理员可以进行此操作。</translation>
        </message>
        <message>
            <source>The capacity cannot be lower than the places already booked.</source>
            <translation>号源数不能少于已预约数。</translation>
        </message>
        <message>
            <source>Not a valid value.</source>
            <translation>无效的值。</translation>
        </message>
        <message>
            <source>Choose a customer first.</source>
            <translation>请先选择客户。</translation>
        </message>
        <message>
            <source>Choose a day and period with places in the calendar.</source>
            <translation>请在日历中选择有号源的日期和时段。</translation>
        </message>
        <message>
            <source>Choose a booking in the list first.</source>
            <translation>请先在列表中选择一条预约。</translation>
        </message>
        <message>
            <source>This entry no longer exists.</source>
            <translation>该条目已不存在。</translation>
        </message>
    </context>
    <context>
        <name>BookingsModel</name>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>时段</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Customer no.</source>
            <translation>客户编号</translation>
        </message>
        <message>
            <source>VIP</source>
            <translation>VIP</translation>
        </message>
        <message>
            <source>Package or clinic</source>
            <translation>套餐/门诊</translation>
        </message>
        <message>
            <source>Doctor</source>
            <translation>医生</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Confirmation</source>
            <translation>确认通知</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>已发送</translation>
        </message>
    </context>
    <context>
        <name>BookingsView</name>
        <message>
            <source>Bookings</source>
            <translation>预约</translation>
        </message>
        <message>
            <source>Checkup packages and specialist clinics.</source>
            <translation>体检套餐与专家门诊。</translation>
        </message>
        <message>
            <source>◀ Week</source>
            <translation>◀ 上一周</translation>
        </message>
        <message>
            <source>Previous week (Alt+←)</source>
            <translation>上一周（Alt+←）</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>Week ▶</source>
            <translation>下一周 ▶</translation>
        </message>
        <message>
            <source>Next week (Alt+→)</source>
            <translation>下一周（Alt+→）</translation>
        </message>
        <message>
            <source>Capacity…</source>
            <translation>号源设置…</translation>
        </message>
        <message>
            <source>Create or change the places per day and period</source>
            <translation>新增或调整每天各时段的号源数</translation>
        </message>
        <message>
            <source>Notes for the booking (optional)</source>
            <translation>预约备注（选填）</translation>
        </message>
        <message>
            <source>Book</source>
            <translation>预约</translation>
        </message>
        <message>
            <source>Book the chosen slot for the customer (Ctrl+Enter)</source>
            <translation>为客户预约所选时段（Ctrl+Enter）</translation>
        </message>
        <message>
            <source>Move here</source>
            <translation>改约到此</translation>
        </message>
        <message>
            <source>Move the chosen booking to the chosen slot (Ctrl+R)</source>
            <translation>将所选预约改到所选时段（Ctrl+R）</translation>
        </message>
        <message>
            <source>Reason for cancelling</source>
            <translation>取消原因</translation>
        </message>
        <message>
            <source>Cancel booking</source>
            <translation>取消预约</translation>
        </message>
        <message>
            <source>Cancel the chosen booking (Ctrl+Del)</source>
            <translation>取消所选预约（Ctrl+Del）</translation>
        </message>
        <message>
            <source>No-show</source>
            <translation>爽约</translation>
        </message>
        <message>
            <source>The customer did not come (Ctrl+Shift+N)</source>
            <translation>客户未到（Ctrl+Shift+N）</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>The customer came (Ctrl+Shift+D)</source>
            <translation>客户已到检/就诊（Ctrl+Shift+D）</translation>
        </message>
        <message>
            <source>Bookings of {name}</source>
            <translation>{name}的预约</translation>
        </message>
        <message>
            <source>Booked in these two weeks</source>
            <translation>这两周的预约</translation>
        </message>
        <message>
            <source>Booked: {name}, {day} {period}.</source>
            <translation>已预约：{name}，{day} {period}。</translation>
        </message>
        <message>
            <source>Moved: {name}, now {day} {period}.</source>
            <translation>已改约：{name}，改为 {day} {period}。</translation>
        </message>
        <message>
            <source>Cancelled: {name}, {day} {period}.</source>
            <translation>已取消：{name}，{day} {period}。</translation>
        </message>
        <message>
            <source>Marked as no-show: {day} {period}.</source>
            <translation>已标记爽约：{day} {period}。</translation>
        </message>
        <message>
            <source>Marked as completed: {day} {period}.</source>
            <translation>已标记完成：{day} {period}。</translation>
        </message>
    </context>
    <context>
        <name>BootstrapDialog</name>
        <message>
            <source>First download from the central server</source>
            <translation>从中心服务器首次下载</translation>
        </message>
        <message>
            <source>Downloading the customer records for this workstation. You can keep working; screens fill in as data arrives.</source>
            <translation>正在为本工作站下载客户资料。您可以继续工作，数据到达后各界面会自动补全。</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <source>&amp;Stop</source>
            <translation>停止(&amp;S)</translation>
        </message>
        <message>
            <source>Continue in &amp;background</source>
            <translation>后台继续(&amp;B)</translation>
        </message>
        <message>
            <source>%1 of about %2 records</source>
            <translation>已下载 %1 / 约 %2 条记录</translation>
        </message>
        <message>
            <source>about %1 left</source>
            <translation>预计剩余 %1</translation>
        </message>
        <message>
            <source>Retrying by itself.</source>
            <translation>将自动重试。</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>继续(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>CalendarModel</name>
        <message>
            <source>{free}/{capacity} free</source>
            <translation>余 {free}/{capacity}</translation>
        </message>
        <message>
            <source>VIP {free}</source>
            <translation>VIP 余 {free}</translation>
        </message>
        <message>
            <source>Capacity {capacity}, booked {booked}, free {free}</source>
            <translation>号源 {capacity}，已约 {booked}，剩余 {free}</translation>
        </message>
        <message>
            <source>{reserved} kept for VIP customers; a VIP can still book {free}</source>
            <translation>VIP预留 {reserved} 个；VIP客户还可预约 {free} 个</translation>
        </message>
        <message>
            <source>Doctor: {name}</source>
            <translation>出诊医生：{name}</translation>
        </message>
    </context>
    <context>
        <name>CallCard</name>
        <message>
            <source>Answer</source>
            <translation>接听</translation>
        </message>
        <message>
            <source>Hang up</source>
            <translation>挂断</translation>
        </message>
        <message>
            <source>Looking up the caller…</source>
            <translation>正在查找来电客户…</translation>
        </message>
        <message>
            <source>Notes on this call. They stay on this card and go into the wrap-up (Alt+1 to Alt+5).</source>
            <translation>本次通话的笔记。笔记保留在此卡片上，并会带入接触记录（Alt+1 至 Alt+5）。</translation>
        </message>
        <message>
            <source>Call notes</source>
            <translation>通话备注</translation>
        </message>
        <message>
            <source>Call {id}</source>
            <translation>通话 {id}</translation>
        </message>
        <message>
            <source>Withheld number</source>
            <translation>隐藏号码</translation>
        </message>
        <message>
            <source>{count} matches</source>
            <translation>{count} 位匹配客户</translation>
        </message>
        <message>
            <source>The caller's number could not be read ({number}). Ask who is calling and search:</source>
            <translation>无法识别来电号码（{number}）。请询问来电人身份后搜索：</translation>
        </message>
        <message>
            <source>The caller withheld the number, so nobody could be recognised. Ask who is calling and search:</source>
            <translation>来电号码已隐藏，无法自动识别客户。请询问来电人身份后搜索：</translation>
        </message>
        <message>
            <source>Caller: the patient's {who}{name}</source>
            <translation>来电人：患者{who}{name}</translation>
        </message>
    </context>
    <context>
        <name>CallCardWords</name>
        <message>
            <source>Visit</source>
            <translation>就诊</translation>
        </message>
        <message>
            <source>Checkup</source>
            <translation>体检</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>接触</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>投诉</translation>
        </message>
        <message>
            <source>Booking</source>
            <translation>预约</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>随访</translation>
        </message>
        <message>
            <source>Survey</source>
            <translation>问卷</translation>
        </message>
        <message>
            <source>outpatient</source>
            <translation>门诊</translation>
        </message>
        <message>
            <source>inpatient</source>
            <translation>住院</translation>
        </message>
        <message>
            <source>emergency</source>
            <translation>急诊</translation>
        </message>
        <message>
            <source>consultation</source>
            <translation>咨询</translation>
        </message>
        <message>
            <source>complaint</source>
            <translation>投诉</translation>
        </message>
        <message>
            <source>praise</source>
            <translation>表扬</translation>
        </message>
        <message>
            <source>booking</source>
            <translation>预约</translation>
        </message>
        <message>
            <source>follow-up</source>
            <translation>随访</translation>
        </message>
        <message>
            <source>other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>new</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>acknowledged</source>
            <translation>已受理</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>处理中</translation>
        </message>
        <message>
            <source>resolved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <source>closed</source>
            <translation>已关闭</translation>
        </message>
        <message>
            <source>booked</source>
            <translation>已预约</translation>
        </message>
        <message>
            <source>rescheduled</source>
            <translation>已改约</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>no-show</source>
            <translation>爽约</translation>
        </message>
        <message>
            <source>completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>open</source>
            <translation>待处理</translation>
        </message>
        <message>
            <source>call back</source>
            <translation>待回电</translation>
        </message>
        <message>
            <source>done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>lost to follow-up</source>
            <translation>失访</translation>
        </message>
        <message>
            <source>red flag</source>
            <translation>危急提示</translation>
        </message>
        <message>
            <source>no answer</source>
            <translation>未接通</translation>
        </message>
        <message>
            <source>busy</source>
            <translation>占线</translation>
        </message>
        <message>
            <source>wrong number</source>
            <translation>号码错误</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>拒访</translation>
        </message>
        <message>
            <source>patient deceased</source>
            <translation>患者已故</translation>
        </message>
        <message>
            <source>low risk</source>
            <translation>低风险</translation>
        </message>
        <message>
            <source>medium risk</source>
            <translation>中风险</translation>
        </message>
        <message>
            <source>high risk</source>
            <translation>高风险</translation>
        </message>
        <message>
            <source>critical risk</source>
            <translation>危急</translation>
        </message>
        <message>
            <source>Ringing</source>
            <translation>振铃中</translation>
        </message>
        <message>
            <source>Answered</source>
            <translation>已接听</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>已结束</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>必填</translation>
        </message>
        <message>
            <source>Not valid</source>
            <translation>格式不正确</translation>
        </message>
        <message>
            <source>Not a date (YYYY-MM-DD after 1900)</source>
            <translation>日期格式不正确（年-月-日，1900 年以后）</translation>
        </message>
        <message>
            <source>a record cannot be merged into itself</source>
            <translation>档案不能合并到自身</translation>
        </message>
        <message>
            <source>one of the records no longer exists</source>
            <translation>其中一份档案已不存在</translation>
        </message>
        <message>
            <source>one of the records was already merged</source>
            <translation>其中一份档案已被合并过</translation>
        </message>
        <message>
            <source>only an administrator may do this</source>
            <translation>仅系统管理员可执行此操作</translation>
        </message>
        <message>
            <source>the records are no longer merged</source>
            <translation>这两份档案已不再是合并状态</translation>
        </message>
        <message>
            <source>Too long</source>
            <translation>位数太多</translation>
        </message>
        <message>
            <source>No emoji or symbols, please</source>
            <translation>请勿使用表情或特殊符号</translation>
        </message>
        <message>
            <source>Contains characters that are not allowed</source>
            <translation>含有不允许的字符</translation>
        </message>
        <message>
            <source>Not a phone number</source>
            <translation>不是有效的电话号码</translation>
        </message>
        <message>
            <source>Must have 18 (or 15) characters</source>
            <translation>应为 18 位（或 15 位）</translation>
        </message>
        <message>
            <source>Unknown region code</source>
            <translation>地区码不存在</translation>
        </message>
        <message>
            <source>Contains an impossible birth date</source>
            <translation>出生日期不正确</translation>
        </message>
        <message>
            <source>Check digit does not match</source>
            <translation>校验位不符</translation>
        </message>
        <message>
            <source>Does not match the sex in the national id</source>
            <translation>与身份证号中的性别不符</translation>
        </message>
        <message>
            <source>Does not match the birth date in the national id</source>
            <translation>与身份证号中的出生日期不符</translation>
        </message>
        <message>
            <source>Lies in the future</source>
            <translation>不能晚于今天</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>same national id</source>
            <translation>身份证号相同</translation>
        </message>
        <message>
            <source>same phone and a similar name</source>
            <translation>电话相同且姓名相近</translation>
        </message>
        <message>
            <source>same name pinyin and birth date</source>
            <translation>姓名拼音与出生日期相同</translation>
        </message>
        <message>
            <source>Deceased on {date}</source>
            <translation>已于 {date} 故去</translation>
        </message>
        <message>
            <source>Complaint {case} overdue (due {due}): {subject}</source>
            <translation>投诉 {case} 已超时（应于 {due} 前办结）：{subject}</translation>
        </message>
        <message>
            <source>Open complaint {case} (due {due}): {subject}</source>
            <translation>未结投诉 {case}（办结期限 {due}）：{subject}</translation>
        </message>
        <message>
            <source>Follow-up overdue since {due}: {subject}</source>
            <translation>随访已逾期（应于 {due}）：{subject}</translation>
        </message>
        <message>
            <source>Follow-up due {due}: {subject}</source>
            <translation>今日待随访（{due}）：{subject}</translation>
        </message>
        <message>
            <source>Booked for {due}: {subject}</source>
            <translation>已预约 {due}：{subject}</translation>
        </message>
        <message>
            <source>Discharged {due} from {subject}</source>
            <translation>{due} 自{subject}出院</translation>
        </message>
    </context>
    <context>
        <name>CallPanel</name>
        <message>
            <source>Dial (Ctrl+D)</source>
            <translation>拨号 (Ctrl+D)</translation>
        </message>
        <message>
            <source>Call back at</source>
            <translation>回电时间</translation>
        </message>
        <message>
            <source>Notes on the call</source>
            <translation>通话备注</translation>
        </message>
        <message>
            <source>Save (Ctrl+Enter)</source>
            <translation>保存 (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Back to the list (Esc)</source>
            <translation>返回列表 (Esc)</translation>
        </message>
        <message>
            <source>Next call (F9)</source>
            <translation>下一个 (F9)</translation>
        </message>
        <message>
            <source>call %1</source>
            <translation>第 %1 次呼叫</translation>
        </message>
        <message>
            <source>No phone number on file</source>
            <translation>未登记电话号码</translation>
        </message>
        <message>
            <source>Hello, this is the follow-up nurse of the hospital. May I ask a few questions about how you are?</source>
            <translation>您好，我是医院的随访护士，想了解一下您最近的情况，可以占用您几分钟吗？</translation>
        </message>
        <message>
            <source>%1 years</source>
            <translation>%1 岁</translation>
        </message>
        <message>
            <source>Recorded as deceased on %1</source>
            <translation>已登记于 %1 去世</translation>
        </message>
        <message>
            <source>Dialling %1…</source>
            <translation>正在拨打 %1…</translation>
        </message>
        <message>
            <source>No softphone connected: dial %1 by hand, then record the outcome.</source>
            <translation>未连接软电话：请手动拨打 %1，然后记录结果。</translation>
        </message>
        <message>
            <source>Saved: %1, the task is now %2.</source>
            <translation>已保存：%1，任务状态为%2。</translation>
        </message>
        <message>
            <source>A red flag was sent to the department's doctor.</source>
            <translation>异常情况已上报科室医生。</translation>
        </message>
        <message>
            <source>Next call: %1.</source>
            <translation>下次呼叫：%1。</translation>
        </message>
        <message numerus="yes">
            <source>%n other task(s) of the patient were cancelled.</source>
            <translation>
                <numerusform>该患者的其他 %n 个任务已取消。</numerusform>
            </translation>
        </message>
        <message>
            <source>Press F9 for the next call.</source>
            <translation>按 F9 拨打下一个。</translation>
        </message>
        <message>
            <source>Leave this call?</source>
            <translation>离开本次随访？</translation>
        </message>
        <message>
            <source>What you entered for this call is not saved. Leave it?</source>
            <translation>本次随访填写的内容尚未保存，确定离开吗？</translation>
        </message>
    </context>
    <context>
        <name>CallStack</name>
        <message>
            <source>Close this card</source>
            <translation>关闭此卡片</translation>
        </message>
    </context>
    <context>
        <name>CallerSearch</name>
        <message>
            <source>Name, pinyin initials, phone, national id or customer no.</source>
            <translation>姓名、拼音首字母、电话、身份证号或客户号</translation>
        </message>
    </context>
    <context>
        <name>CapacityDialog</name>
        <message>
            <source>Capacity of {name}</source>
            <translation>{name}号源设置</translation>
        </message>
        <message>
            <source>From</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>To</source>
            <translation>结束日期</translation>
        </message>
        <message>
            <source>Periods</source>
            <translation>时段</translation>
        </message>
        <message>
            <source>Places per period</source>
            <translation>每时段号源数</translation>
        </message>
        <message>
            <source>Kept for VIP customers</source>
            <translation>VIP预留数</translation>
        </message>
    </context>
    <context>
        <name>CardWrapUp</name>
        <message>
            <source>Wrap-up saved: {type}.</source>
            <translation>接触记录已保存：{type}。</translation>
        </message>
        <message>
            <source>Complaint case {case} opened.</source>
            <translation>已创建投诉工单 {case}。</translation>
        </message>
    </context>
    <context>
        <name>CaseDetailPane</name>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>分类</translation>
        </message>
        <message>
            <source>Patient</source>
            <translation>患者</translation>
        </message>
        <message>
            <source>Department concerned</source>
            <translation>被投诉科室</translation>
        </message>
        <message>
            <source>Staff involved</source>
            <translation>涉及人员</translation>
        </message>
        <message>
            <source>Handling department</source>
            <translation>处理部门</translation>
        </message>
        <message>
            <source>Handler</source>
            <translation>处理人</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>登记时间</translation>
        </message>
        <message>
            <source>Acknowledge / resolve by</source>
            <translation>受理 / 解决期限</translation>
        </message>
        <message>
            <source>Escalated to</source>
            <translation>已升级至</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <source>Satisfaction</source>
            <translation>满意度</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>详细描述</translation>
        </message>
        <message>
            <source>Assign…</source>
            <translation>指派…</translation>
        </message>
        <message>
            <source>Severity…</source>
            <translation>严重程度…</translation>
        </message>
        <message>
            <source>Reply…</source>
            <translation>回复…</translation>
        </message>
        <message>
            <source>Attach file…</source>
            <translation>添加附件…</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>处理记录</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>Choose a case in the list.</source>
            <translation>请在列表中选择一个工单。</translation>
        </message>
        <message>
            <source>System</source>
            <translation>系统</translation>
        </message>
        <message>
            <source>Enter or double-click to save a copy</source>
            <translation>按 Enter 或双击另存一份</translation>
        </message>
        <message>
            <source>Files ({n})</source>
            <translation>附件（{n}）</translation>
        </message>
        <message>
            <source>No patient linked</source>
            <translation>未关联患者</translation>
        </message>
        <message>
            <source>Patient unreachable</source>
            <translation>患者无法联系</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>主管</translation>
        </message>
        <message>
            <source>Unassigned</source>
            <translation>未指派</translation>
        </message>
        <message>
            <source>(reopened {n}×)</source>
            <translation>（已重新打开 {n} 次）</translation>
        </message>
        <message>
            <source>Attach a file</source>
            <translation>添加附件</translation>
        </message>
        <message>
            <source>Save a copy</source>
            <translation>另存为</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>已保存到 {path}</translation>
        </message>
    </context>
    <context>
        <name>CaseTableModel</name>
        <message>
            <source>Deadline</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>Case no.</source>
            <translation>工单号</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>主题</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Patient</source>
            <translation>患者</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <source>Handler</source>
            <translation>处理人</translation>
        </message>
    </context>
    <context>
        <name>CentralServerBox</name>
        <message>
            <source>Central server</source>
            <translation>中心服务器</translation>
        </message>
        <message>
            <source>e.g. https://crm.hospital.example or postgresql+psycopg://…</source>
            <translation>例如 https://crm.hospital.example 或 postgresql+psycopg://…</translation>
        </message>
        <message>
            <source>the user you signed in with</source>
            <translation>默认为当前登录用户</translation>
        </message>
        <message>
            <source>&amp;Test connection</source>
            <translation>测试连接(&amp;T)</translation>
        </message>
        <message>
            <source>Sign &amp;in</source>
            <translation>登录(&amp;I)</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>User</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Enter the password first.</source>
            <translation>请先输入密码。</translation>
        </message>
        <message>
            <source>Enter the central server's address first.</source>
            <translation>请先输入中心服务器地址。</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <source>The central server answers and matches this version.</source>
            <translation>中心服务器连接正常，版本匹配。</translation>
        </message>
        <message>
            <source>Signed in. Synchronisation starts now.</source>
            <translation>登录成功，开始同步。</translation>
        </message>
    </context>
    <context>
        <name>ComplaintSection</name>
        <message>
            <source>Complaint case</source>
            <translation>投诉工单</translation>
        </message>
        <message>
            <source>— not known —</source>
            <translation>— 不详 —</translation>
        </message>
        <message>
            <source>Name or post, if the caller said</source>
            <translation>姓名或岗位（如来电人提及）</translation>
        </message>
        <message>
            <source>In a few words, e.g. 候诊两小时无人解释</source>
            <translation>简要概括，例如：候诊两小时无人解释</translation>
        </message>
        <message>
            <source>What happened, when and where</source>
            <translation>事情经过、时间和地点</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>主题</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>科室</translation>
        </message>
        <message>
            <source>Staff involved</source>
            <translation>涉及人员</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>详细描述</translation>
        </message>
    </context>
    <context>
        <name>ComplaintWords</name>
        <message>
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>Acknowledged</source>
            <translation>已受理</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>处理中</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>已关闭</translation>
        </message>
        <message>
            <source>Critical</source>
            <translation>特急</translation>
        </message>
        <message>
            <source>High</source>
            <translation>高</translation>
        </message>
        <message>
            <source>Medium</source>
            <translation>中</translation>
        </message>
        <message>
            <source>Low</source>
            <translation>低</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>WeChat</source>
            <translation>微信</translation>
        </message>
        <message>
            <source>SMS</source>
            <translation>短信</translation>
        </message>
        <message>
            <source>Web</source>
            <translation>网站</translation>
        </message>
        <message>
            <source>Walk-in</source>
            <translation>现场</translation>
        </message>
        <message>
            <source>Acknowledge</source>
            <translation>受理</translation>
        </message>
        <message>
            <source>Start work</source>
            <translation>开始处理</translation>
        </message>
        <message>
            <source>Resolve…</source>
            <translation>解决…</translation>
        </message>
        <message>
            <source>Close…</source>
            <translation>关闭…</translation>
        </message>
        <message>
            <source>Reopen…</source>
            <translation>重新打开…</translation>
        </message>
        <message>
            <source>This step is not possible in the case's current state.</source>
            <translation>工单当前状态下不能执行此操作。</translation>
        </message>
        <message>
            <source>Your role may not do this.</source>
            <translation>您的角色无权执行此操作。</translation>
        </message>
        <message>
            <source>This case is assigned to someone else.</source>
            <translation>此工单已指派给其他人。</translation>
        </message>
        <message>
            <source>Describe how the complaint was resolved.</source>
            <translation>请描述投诉的解决方式。</translation>
        </message>
        <message>
            <source>Choose the patient's satisfaction, or mark the patient as unreachable.</source>
            <translation>请选择患者满意度，或标记为患者无法联系。</translation>
        </message>
        <message>
            <source>Satisfaction must be 1 to 5, or unreachable, not both.</source>
            <translation>满意度须为 1 至 5，或标记无法联系，二者只能选一。</translation>
        </message>
        <message>
            <source>Give the reason for reopening.</source>
            <translation>请填写重新打开的原因。</translation>
        </message>
        <message>
            <source>Write the reply first.</source>
            <translation>请先填写回复内容。</translation>
        </message>
        <message>
            <source>The text is too long.</source>
            <translation>内容过长。</translation>
        </message>
        <message>
            <source>The case is closed.</source>
            <translation>工单已关闭。</translation>
        </message>
        <message>
            <source>The case or file no longer exists.</source>
            <translation>工单或附件已不存在。</translation>
        </message>
        <message>
            <source>Someone changed this case meanwhile; it has been reloaded.</source>
            <translation>此工单已被他人修改，已重新加载。</translation>
        </message>
        <message>
            <source>Choose an active agent or supervisor.</source>
            <translation>请选择在职的客服专员或主管。</translation>
        </message>
        <message>
            <source>Required.</source>
            <translation>必填。</translation>
        </message>
        <message>
            <source>Emoji and symbols are not allowed here.</source>
            <translation>此处不能输入表情符号。</translation>
        </message>
        <message>
            <source>Contains characters that are not allowed.</source>
            <translation>包含不允许的字符。</translation>
        </message>
        <message>
            <source>Not a valid choice.</source>
            <translation>不是有效的选项。</translation>
        </message>
        <message>
            <source>No longer exists.</source>
            <translation>已不存在。</translation>
        </message>
        <message>
            <source>The patient record was deleted.</source>
            <translation>该患者档案已被删除。</translation>
        </message>
        <message>
            <source>The patient record was merged into another; choose it again.</source>
            <translation>该患者档案已合并到另一档案，请重新选择。</translation>
        </message>
        <message>
            <source>The file is empty.</source>
            <translation>文件为空。</translation>
        </message>
        <message>
            <source>The file is larger than 5 MB.</source>
            <translation>文件超过 5 MB。</translation>
        </message>
        <message>
            <source>This type of file cannot be attached.</source>
            <translation>不支持添加此类型的文件。</translation>
        </message>
        <message>
            <source>The file's content does not match its extension.</source>
            <translation>文件内容与扩展名不符。</translation>
        </message>
        <message>
            <source>The file name is not valid.</source>
            <translation>文件名无效。</translation>
        </message>
        <message>
            <source>The file could not be written there.</source>
            <translation>无法将文件保存到该位置。</translation>
        </message>
        <message>
            <source>The stored file is damaged.</source>
            <translation>存储的文件已损坏。</translation>
        </message>
        <message>
            <source>That did not work ({code}).</source>
            <translation>操作未成功（{code}）。</translation>
        </message>
        <message>
            <source>{d} d {h} h</source>
            <translation>{d} 个工作日 {h} 小时</translation>
        </message>
        <message>
            <source>{h} h {m} min</source>
            <translation>{h} 小时 {m} 分</translation>
        </message>
        <message>
            <source>{m} min</source>
            <translation>{m} 分钟</translation>
        </message>
        <message>
            <source>Acknowledge: overdue by {t}</source>
            <translation>受理已超时 {t}</translation>
        </message>
        <message>
            <source>Acknowledge within {t}</source>
            <translation>受理剩余 {t}</translation>
        </message>
        <message>
            <source>Resolve: overdue by {t}</source>
            <translation>解决已超时 {t}</translation>
        </message>
        <message>
            <source>Resolve within {t}</source>
            <translation>解决剩余 {t}</translation>
        </message>
        <message>
            <source>Opened the case</source>
            <translation>登记工单</translation>
        </message>
        <message>
            <source>{from} → {to}</source>
            <translation>{from} → {to}</translation>
        </message>
        <message>
            <source>Assigned to {who}</source>
            <translation>指派给 {who}</translation>
        </message>
        <message>
            <source>Escalated to the supervisor: {target} deadline passed</source>
            <translation>已升级至主管：{target}期限已过</translation>
        </message>
        <message>
            <source>Escalated to the supervisor: {target} deadline at risk</source>
            <translation>已升级至主管：{target}期限即将到期</translation>
        </message>
        <message>
            <source>acknowledge</source>
            <translation>受理</translation>
        </message>
        <message>
            <source>resolve</source>
            <translation>解决</translation>
        </message>
        <message>
            <source>Severity {old} → {new}</source>
            <translation>严重程度 {old} → {new}</translation>
        </message>
        <message>
            <source>Attached {file}</source>
            <translation>添加附件 {file}</translation>
        </message>
        <message>
            <source>Reply</source>
            <translation>回复</translation>
        </message>
    </context>
    <context>
        <name>ComplaintsView</name>
        <message>
            <source>Complaints</source>
            <translation>投诉</translation>
        </message>
        <message>
            <source>Complaint cases with their deadlines, in working time.</source>
            <translation>投诉工单及其处理期限（按工作时间计算）。</translation>
        </message>
        <message>
            <source>The SLA settings cannot be used: {error}</source>
            <translation>时限（SLA）配置无法使用：{error}</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>我的</translation>
        </message>
        <message>
            <source>My department</source>
            <translation>本部门</translation>
        </message>
        <message>
            <source>All open</source>
            <translation>全部未结</translation>
        </message>
        <message>
            <source>Overdue first</source>
            <translation>已超时优先</translation>
        </message>
        <message>
            <source>New case…</source>
            <translation>新建工单…</translation>
        </message>
        <message>
            <source>{n} cases</source>
            <translation>共 {n} 件</translation>
        </message>
    </context>
    <context>
        <name>ConfirmationPanel</name>
        <message>
            <source>SMS</source>
            <translation>短信</translation>
        </message>
        <message>
            <source>WeChat</source>
            <translation>微信</translation>
        </message>
        <message>
            <source>Choose a booking to see its confirmation text.</source>
            <translation>选择一条预约以查看确认通知内容。</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Copy the text to paste into the SMS or WeChat tool (Ctrl+Shift+C)</source>
            <translation>复制内容，粘贴到短信或微信工具中发送（Ctrl+Shift+C）</translation>
        </message>
        <message>
            <source>Mark as sent</source>
            <translation>标记已发送</translation>
        </message>
        <message>
            <source>Record that the confirmation went out (Ctrl+Shift+M)</source>
            <translation>记录确认通知已发出（Ctrl+Shift+M）</translation>
        </message>
        <message>
            <source>Confirmation</source>
            <translation>确认通知</translation>
        </message>
        <message>
            <source>The confirmation templates cannot be read: {error}</source>
            <translation>无法读取确认通知模板：{error}</translation>
        </message>
        <message>
            <source>{length} characters, {segments} SMS</source>
            <translation>{length} 字，{segments} 条短信</translation>
        </message>
        <message>
            <source>{length} characters</source>
            <translation>{length} 字</translation>
        </message>
        <message>
            <source>sent already</source>
            <translation>已发送过</translation>
        </message>
        <message>
            <source>The customer has not agreed to SMS messages.</source>
            <translation>客户未同意接收短信。</translation>
        </message>
        <message>
            <source>The customer has not agreed to WeChat messages.</source>
            <translation>客户未同意接收微信消息。</translation>
        </message>
        <message>
            <source>copied</source>
            <translation>已复制</translation>
        </message>
    </context>
    <context>
        <name>ConflictLabels</name>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Customer phone</source>
            <translation>客户电话</translation>
        </message>
        <message>
            <source>Customer identifier</source>
            <translation>客户标识</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>投诉</translation>
        </message>
        <message>
            <source>Complaint attachment</source>
            <translation>投诉附件</translation>
        </message>
        <message>
            <source>Booking</source>
            <translation>预约</translation>
        </message>
        <message>
            <source>Slot</source>
            <translation>号源</translation>
        </message>
        <message>
            <source>Follow-up task</source>
            <translation>随访任务</translation>
        </message>
        <message>
            <source>Escalation</source>
            <translation>上报</translation>
        </message>
        <message>
            <source>QA review</source>
            <translation>质检评分</translation>
        </message>
        <message>
            <source>Knowledge article</source>
            <translation>知识库文章</translation>
        </message>
        <message>
            <source>Interaction</source>
            <translation>接触记录</translation>
        </message>
        <message>
            <source>Staff member</source>
            <translation>员工</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>出生日期</translation>
        </message>
        <message>
            <source>National ID</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>Occupation</source>
            <translation>职业</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>省份</translation>
        </message>
        <message>
            <source>City</source>
            <translation>城市</translation>
        </message>
        <message>
            <source>District</source>
            <translation>区县</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>VIP level</source>
            <translation>VIP 等级</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Phone number</source>
            <translation>电话号码</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>主题</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Handler</source>
            <translation>处理人</translation>
        </message>
        <message>
            <source>Assigned to</source>
            <translation>负责人</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>到期时间</translation>
        </message>
        <message>
            <source>Call back at</source>
            <translation>回拨时间</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>正文</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>评语</translation>
        </message>
        <message>
            <source>Instruction</source>
            <translation>医嘱指令</translation>
        </message>
        <message>
            <source>Feedback</source>
            <translation>执行反馈</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>已删除</translation>
        </message>
        <message>
            <source>Someone else changed the same field first</source>
            <translation>他人先修改了同一字段</translation>
        </message>
        <message>
            <source>The record was deleted meanwhile</source>
            <translation>该记录已被删除</translation>
        </message>
        <message>
            <source>The slot is fully booked</source>
            <translation>号源已约满</translation>
        </message>
        <message>
            <source>The slot no longer exists</source>
            <translation>号源已不存在</translation>
        </message>
        <message>
            <source>This state change is not allowed</source>
            <translation>不允许此状态变更</translation>
        </message>
        <message>
            <source>Another colleague already took this task</source>
            <translation>其他同事已领取此任务</translation>
        </message>
        <message>
            <source>Your role may not make this change</source>
            <translation>您的角色无权进行此修改</translation>
        </message>
        <message>
            <source>A record with the same number already exists</source>
            <translation>已存在编号相同的记录</translation>
        </message>
        <message>
            <source>This record cannot be changed once saved</source>
            <translation>此类记录保存后不可修改</translation>
        </message>
        <message>
            <source>Refused by the central server</source>
            <translation>被中心服务器拒绝</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <source>Sync conflicts</source>
            <translation>同步冲突</translation>
        </message>
    </context>
    <context>
        <name>ConflictsModel</name>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Fields</source>
            <translation>字段</translation>
        </message>
    </context>
    <context>
        <name>ConflictsView</name>
        <message>
            <source>Sync conflicts</source>
            <translation>同步冲突</translation>
        </message>
        <message>
            <source>Your edits that another workstation's changes or the central server's rules overrode. Nothing is lost: re-apply yours or accept the server's.</source>
            <translation>被其他工作站的修改或中心服务器规则覆盖的编辑。内容不会丢失：可重新应用您的修改，或接受服务器的值。</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>My value</source>
            <translation>我的值</translation>
        </message>
        <message>
            <source>Server value</source>
            <translation>服务器的值</translation>
        </message>
        <message>
            <source>&amp;Re-apply my edit</source>
            <translation>重新应用我的修改(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Dismiss (keep the server's)</source>
            <translation>忽略（保留服务器的值）(&amp;D)</translation>
        </message>
        <message>
            <source>No conflicts: everything you typed reached the central server.</source>
            <translation>没有冲突：您录入的内容都已到达中心服务器。</translation>
        </message>
        <message>
            <source>Your edit was queued again and is sent to the central server.</source>
            <translation>您的修改已重新排队，将发送到中心服务器。</translation>
        </message>
        <message>
            <source>The server's values are kept.</source>
            <translation>已保留服务器的值。</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <source>HCRM Desktop ran into an unexpected problem.</source>
            <translation>HCRM 客服工作台遇到了意外问题。</translation>
        </message>
        <message>
            <source>The details have been written to the log. You can keep working; if the problem comes back, copy the details and send them to your IT support.</source>
            <translation>详细信息已写入日志。您可以继续工作；如果问题再次出现，请复制详细信息并发送给信息科技术支持。</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>复制详细信息</translation>
        </message>
        <message>
            <source>Copied to the clipboard.</source>
            <translation>已复制到剪贴板。</translation>
        </message>
    </context>
    <context>
        <name>CustomersPanel</name>
        <message>
            <source>Distributions</source>
            <translation>客户分布</translation>
        </message>
        <message>
            <source>Referrers (who brought whom)</source>
            <translation>推荐人排名（谁介绍了谁）</translation>
        </message>
        <message>
            <source>Customer no.</source>
            <translation>客户编号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Brought directly</source>
            <translation>直接推荐</translation>
        </message>
        <message>
            <source>Whole chain</source>
            <translation>全链人数</translation>
        </message>
        <message>
            <source>Levels</source>
            <translation>推荐层级</translation>
        </message>
        <message>
            <source>Value (direct)</source>
            <translation>带来价值（直接）</translation>
        </message>
        <message>
            <source>Value (whole chain)</source>
            <translation>带来价值（全链）</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>推荐关系</translation>
        </message>
        <message>
            <source>Departments and follow-up</source>
            <translation>科室与随访</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>筛选</translation>
        </message>
        <message>
            <source>All: %1</source>
            <translation>全部%1</translation>
        </message>
        <message>
            <source>Distribution</source>
            <translation>分布</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>人数</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>占比</translation>
        </message>
        <message>
            <source>Complaints and satisfaction per department</source>
            <translation>各科室投诉与满意度</translation>
        </message>
        <message>
            <source>Hospital department</source>
            <translation>科室</translation>
        </message>
        <message>
            <source>Complaints</source>
            <translation>投诉</translation>
        </message>
        <message>
            <source>Complaint satisfaction</source>
            <translation>投诉满意度</translation>
        </message>
        <message>
            <source>Praise</source>
            <translation>表扬</translation>
        </message>
        <message>
            <source>Survey answers</source>
            <translation>问卷数</translation>
        </message>
        <message>
            <source>Survey score</source>
            <translation>问卷满意度</translation>
        </message>
        <message>
            <source>Follow-up coverage</source>
            <translation>随访覆盖</translation>
        </message>
        <message>
            <source>Patients with</source>
            <translation>患者类别</translation>
        </message>
        <message>
            <source>Eligible</source>
            <translation>应随访人数</translation>
        </message>
        <message>
            <source>Followed up</source>
            <translation>已完成随访</translation>
        </message>
        <message>
            <source>Coverage</source>
            <translation>覆盖率</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <source>Customer count</source>
            <translation>客户数</translation>
        </message>
        <message>
            <source>Exported to %1</source>
            <translation>已导出到 %1</translation>
        </message>
    </context>
    <context>
        <name>CustomersView</name>
        <message>
            <source>Customers</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>One record per person, with one unique customer id.</source>
            <translation>一人一档，每位客户一个唯一标识。</translation>
        </message>
        <message>
            <source>Search: name, pinyin or initials (zw), phone or its last 4 digits, national id, customer no., HIS/PEIS</source>
            <translation>搜索：姓名、拼音或首字母（zw）、电话或后 4 位、身份证号、客户号、HIS/PEIS 号</translation>
        </message>
        <message>
            <source>← Back to the results</source>
            <translation>← 返回搜索结果</translation>
        </message>
        <message>
            <source>Duplicates</source>
            <translation>查重</translation>
        </message>
        <message>
            <source>Look for other records of this person (查重)</source>
            <translation>查找此人的其他档案（查重）</translation>
        </message>
        <message>
            <source>No customer found for “{query}”.</source>
            <translation>未找到与“{query}”匹配的客户。</translation>
        </message>
        <message>
            <source>{count} found; ↓ ↑ to choose, Enter to open.</source>
            <translation>找到 {count} 位；↓ ↑ 选择，回车打开。</translation>
        </message>
        <message>
            <source>{count} customers in the local database.</source>
            <translation>本地数据库共有 {count} 位客户。</translation>
        </message>
        <message>
            <source>Dialling did not work: {reason}</source>
            <translation>拨号未成功：{reason}</translation>
        </message>
    </context>
    <context>
        <name>DatabaseOpener</name>
        <message>
            <source>Bookings</source>
            <translation>预约</translation>
        </message>
        <message>
            <source>Database structure</source>
            <translation>数据库结构</translation>
        </message>
        <message>
            <source>Departments, staff and packages</source>
            <translation>科室、员工与体检套餐</translation>
        </message>
        <message>
            <source>Customers and their history</source>
            <translation>客户及其历史记录</translation>
        </message>
        <message>
            <source>Search indexes</source>
            <translation>检索索引</translation>
        </message>
        <message>
            <source>Cannot open the database</source>
            <translation>无法打开数据库</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Choose another file…</source>
            <translation>选择其他文件…</translation>
        </message>
        <message>
            <source>Create a new demo database</source>
            <translation>新建演示数据库</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Choose a database</source>
            <translation>选择数据库</translation>
        </message>
        <message>
            <source>HCRM databases (*.db *.sqlite);;All files (*)</source>
            <translation>HCRM 数据库 (*.db *.sqlite);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Creating the demo database (first start only)…</source>
            <translation>正在创建演示数据库（仅首次启动）…</translation>
        </message>
        <message>
            <source>HCRM Desktop</source>
            <translation>HCRM 客服工作台</translation>
        </message>
        <message>
            <source>Creating the demo database (first start only)…
{stage}: {done} / {total}</source>
            <translation>正在创建演示数据库（仅首次启动）…
{stage}：{done} / {total}</translation>
        </message>
    </context>
    <context>
        <name>DrillDownDialog</name>
        <message>
            <source>{kpi}: {name}, {first} to {last}</source>
            <translation>{kpi}：{name}，{first} 至 {last}</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source> (first {n} shown)</source>
            <translation>（仅显示前 {n} 条）</translation>
        </message>
        <message>
            <source>{n} records</source>
            <translation>共 {n} 条记录</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message>
            <source>Possible duplicates of {name}</source>
            <translation>{name} 的疑似重复档案</translation>
        </message>
        <message>
            <source>Records that may be the same person as {name} ({no}):</source>
            <translation>可能与 {name}（{no}）为同一人的档案：</translation>
        </message>
        <message>
            <source>Already merged into this record:</source>
            <translation>已合并到此档案的记录：</translation>
        </message>
        <message>
            <source>Merge into this record…</source>
            <translation>合并到当前档案…</translation>
        </message>
        <message>
            <source>Undo the merge</source>
            <translation>撤销合并</translation>
        </message>
        <message>
            <source>Merging keeps every record of both; it is audited. Only a supervisor or an administrator may merge, only an administrator may undo.</source>
            <translation>合并会保留双方的全部记录，并记入审计。仅客服主管或系统管理员可合并，仅系统管理员可撤销。</translation>
        </message>
        <message>
            <source>Looking for duplicates…</source>
            <translation>正在查找重复档案…</translation>
        </message>
        <message>
            <source>{name} ({no}), merged {when}</source>
            <translation>{name}（{no}），合并于 {when}</translation>
        </message>
        <message>
            <source>No likely duplicates found.</source>
            <translation>未发现疑似重复的档案。</translation>
        </message>
        <message>
            <source>Merge records</source>
            <translation>合并档案</translation>
        </message>
        <message>
            <source>Merge {other} into {name} ({no})? The history of both stays; {other} will no longer be found on its own.</source>
            <translation>将 {other} 合并到 {name}（{no}）？双方的历史记录都会保留；此后 {other} 不再单独出现。</translation>
        </message>
        <message>
            <source>The records could not be merged: {error}</source>
            <translation>档案未能合并：{error}</translation>
        </message>
        <message>
            <source>{other} was merged into {name}.</source>
            <translation>已将 {other} 合并到 {name}。</translation>
        </message>
        <message>
            <source>The merge could not be undone: {error}</source>
            <translation>合并未能撤销：{error}</translation>
        </message>
        <message>
            <source>The merge of {name} was undone.</source>
            <translation>已撤销对 {name} 的合并。</translation>
        </message>
    </context>
    <context>
        <name>EscalationsModel</name>
        <message>
            <source>Patient</source>
            <translation>患者</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>科室</translation>
        </message>
        <message>
            <source>Doctor</source>
            <translation>医生</translation>
        </message>
        <message>
            <source>Red flag</source>
            <translation>异常情况</translation>
        </message>
        <message>
            <source>Raised</source>
            <translation>上报时间</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>到期时间</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
    </context>
    <context>
        <name>EscalationsPanel</name>
        <message>
            <source>Not closed</source>
            <translation>未关闭</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>已超时</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>已关闭</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Instruction (%1): %2</source>
            <translation>指令（%1 记录）：%2</translation>
        </message>
        <message>
            <source>Feedback: %1</source>
            <translation>执行反馈：%1</translation>
        </message>
        <message>
            <source>Record the doctor's instruction</source>
            <translation>记录医生指令</translation>
        </message>
        <message>
            <source>Record the feedback</source>
            <translation>记录执行反馈</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Instruction</source>
            <translation>指令</translation>
        </message>
        <message>
            <source>Feedback</source>
            <translation>执行反馈</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
    </context>
    <context>
        <name>ExportTable</name>
        <message>
            <source>Export to Excel</source>
            <translation>导出 Excel</translation>
        </message>
        <message>
            <source>Save this table as an .xlsx file (Ctrl+E)</source>
            <translation>把此表保存为 .xlsx 文件（Ctrl+E）</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s)</source>
            <translation>
                <numerusform>%n 行</numerusform>
            </translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>FollowUpWords</name>
        <message>
            <source>To call</source>
            <translation>待拨打</translation>
        </message>
        <message>
            <source>Calling</source>
            <translation>随访中</translation>
        </message>
        <message>
            <source>Call back</source>
            <translation>待回电</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Lost to follow-up</source>
            <translation>失访</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>No answer</source>
            <translation>未接通</translation>
        </message>
        <message>
            <source>Busy</source>
            <translation>占线</translation>
        </message>
        <message>
            <source>Wrong number</source>
            <translation>号码错误</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>拒访</translation>
        </message>
        <message>
            <source>Wants a callback</source>
            <translation>要求回电</translation>
        </message>
        <message>
            <source>Deceased</source>
            <translation>患者已故</translation>
        </message>
        <message>
            <source>Waiting for the doctor</source>
            <translation>待医生处理</translation>
        </message>
        <message>
            <source>Instructed</source>
            <translation>已下达指令</translation>
        </message>
        <message>
            <source>Executed</source>
            <translation>已执行</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>已关闭</translation>
        </message>
        <message>
            <source>This task no longer exists.</source>
            <translation>该任务已不存在。</translation>
        </message>
        <message>
            <source>This task is already closed.</source>
            <translation>该任务已结束。</translation>
        </message>
        <message>
            <source>Another nurse is already calling this patient for this task.</source>
            <translation>另一位护士正在为此任务联系该患者。</translation>
        </message>
        <message>
            <source>This record was merged into another one: call the task filed there instead.</source>
            <translation>该档案已合并到另一档案，请拨打合并后档案中的任务。</translation>
        </message>
        <message>
            <source>The patient is recorded as deceased.</source>
            <translation>该患者已登记为已故。</translation>
        </message>
        <message>
            <source>Only supervisors can assign tasks.</source>
            <translation>只有主管可以分配任务。</translation>
        </message>
        <message>
            <source>Choose an outcome.</source>
            <translation>请选择随访结果。</translation>
        </message>
        <message>
            <source>Required.</source>
            <translation>必填。</translation>
        </message>
        <message>
            <source>Too long.</source>
            <translation>内容过长。</translation>
        </message>
        <message>
            <source>Choose when to call back.</source>
            <translation>请选择回电时间。</translation>
        </message>
        <message>
            <source>The callback time is in the past.</source>
            <translation>回电时间已过。</translation>
        </message>
        <message>
            <source>The callback time is outside the call hours.</source>
            <translation>回电时间不在允许呼叫时段内。</translation>
        </message>
        <message>
            <source>Choose one of the answers.</source>
            <translation>请选择一个选项。</translation>
        </message>
        <message>
            <source>Answer yes or no.</source>
            <translation>请回答是或否。</translation>
        </message>
        <message>
            <source>Enter a number.</source>
            <translation>请输入数字。</translation>
        </message>
        <message>
            <source>Out of range.</source>
            <translation>超出范围。</translation>
        </message>
        <message>
            <source>Enter text.</source>
            <translation>请输入文字。</translation>
        </message>
        <message>
            <source>Not a question of this questionnaire.</source>
            <translation>不是本问卷的问题。</translation>
        </message>
        <message>
            <source>This questionnaire cannot be read by this version.</source>
            <translation>当前版本无法读取该问卷。</translation>
        </message>
        <message>
            <source>Someone else moved this on meanwhile: refresh the list.</source>
            <translation>已被他人处理，请刷新列表。</translation>
        </message>
        <message>
            <source>This escalation no longer exists.</source>
            <translation>该上报已不存在。</translation>
        </message>
    </context>
    <context>
        <name>FollowUpsView</name>
        <message>
            <source>Follow-ups</source>
            <translation>随访</translation>
        </message>
        <message>
            <source>F9 calls the next patient due; Enter calls the one selected.</source>
            <translation>F9 拨打下一位到期患者；回车拨打选中的患者。</translation>
        </message>
        <message>
            <source>Worklist</source>
            <translation>随访列表</translation>
        </message>
        <message>
            <source>Red flags</source>
            <translation>异常上报</translation>
        </message>
        <message>
            <source>My tasks</source>
            <translation>我的任务</translation>
        </message>
        <message>
            <source>All tasks</source>
            <translation>全部任务</translation>
        </message>
        <message>
            <source>Unassigned</source>
            <translation>未分配</translation>
        </message>
        <message>
            <source>All follow-ups</source>
            <translation>全部随访方案</translation>
        </message>
        <message>
            <source>All departments</source>
            <translation>全部科室</translation>
        </message>
        <message>
            <source>Still to do</source>
            <translation>待完成</translation>
        </message>
        <message>
            <source>Overdue only</source>
            <translation>仅显示超时</translation>
        </message>
        <message>
            <source>Next call (F9)</source>
            <translation>下一个 (F9)</translation>
        </message>
        <message>
            <source>Assign… (Ctrl+Shift+A)</source>
            <translation>分配… (Ctrl+Shift+A)</translation>
        </message>
        <message>
            <source>%1 tasks · %2 due now · %3 callbacks due · %4 overdue · %5 done today</source>
            <translation>共 %1 个任务 · %2 个已到期 · %3 个待回电 · %4 个超时 · 今日完成 %5 个</translation>
        </message>
        <message>
            <source>Nothing is due to call now (within the call hours).</source>
            <translation>当前没有到期需要拨打的随访（在允许呼叫时段内）。</translation>
        </message>
        <message numerus="yes">
            <source>%n task(s) reassigned.</source>
            <translation>
                <numerusform>已重新分配 %n 个任务。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>KnowledgeDialog</name>
        <message>
            <source>Knowledge base</source>
            <translation>知识库</translation>
        </message>
        <message>
            <source>Search answers: words or pinyin initials (e.g. 空腹, tjxz)</source>
            <translation>搜索答案：关键词或拼音首字母（如 空腹、tjxz）</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>全部分类</translation>
        </message>
        <message>
            <source>Show inactive</source>
            <translation>显示已停用</translation>
        </message>
        <message>
            <source>Enter copies the answer; Esc closes.</source>
            <translation>Enter 复制答案；Esc 关闭。</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>新建…</translation>
        </message>
        <message>
            <source>Write a new article (Ctrl+N)</source>
            <translation>新建条目（Ctrl+N）</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Change the chosen article (Ctrl+E)</source>
            <translation>编辑所选条目（Ctrl+E）</translation>
        </message>
        <message>
            <source>Deactivate</source>
            <translation>停用</translation>
        </message>
        <message>
            <source>Hide the chosen article from agents, or bring it back (Ctrl+D)</source>
            <translation>对客服隐藏所选条目，或重新启用（Ctrl+D）</translation>
        </message>
        <message>
            <source>{title} (inactive)</source>
            <translation>{title}（已停用）</translation>
        </message>
        <message>
            <source>Nothing found for “{query}”.</source>
            <translation>未找到与“{query}”相关的内容。</translation>
        </message>
        <message>
            <source>Activate</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>Copied: {title}</source>
            <translation>已复制：{title}</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Simulator</source>
            <translation>模拟器</translation>
        </message>
        <message>
            <source>baresip softphone</source>
            <translation>baresip 软电话</translation>
        </message>
        <message>
            <source>Asterisk AMI</source>
            <translation>Asterisk AMI</translation>
        </message>
        <message>
            <source>HTTP hook</source>
            <translation>HTTP 回调</translation>
        </message>
        <message>
            <source>No phone</source>
            <translation>未接电话系统</translation>
        </message>
        <message>
            <source>Idle</source>
            <translation>空闲</translation>
        </message>
        <message>
            <source>Ringing</source>
            <translation>振铃中</translation>
        </message>
        <message>
            <source>On a call</source>
            <translation>通话中</translation>
        </message>
        <message>
            <source>Not connected</source>
            <translation>未连接</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <source>Reconnecting ({reason})</source>
            <translation>正在重连（{reason}）</translation>
        </message>
        <message>
            <source>Connection failed ({reason}), retrying</source>
            <translation>连接失败（{reason}），稍后重试</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>连接被拒绝</translation>
        </message>
        <message>
            <source>no answer</source>
            <translation>无响应</translation>
        </message>
        <message>
            <source>connection lost</source>
            <translation>连接中断</translation>
        </message>
        <message>
            <source>unknown host</source>
            <translation>主机名无效</translation>
        </message>
        <message>
            <source>invalid address</source>
            <translation>地址无效</translation>
        </message>
        <message>
            <source>port in use</source>
            <translation>端口被占用</translation>
        </message>
        <message>
            <source>login refused</source>
            <translation>登录被拒绝</translation>
        </message>
        <message>
            <source>not configured</source>
            <translation>未配置</translation>
        </message>
        <message>
            <source>phone not connected</source>
            <translation>电话未连接</translation>
        </message>
        <message>
            <source>not supported by this phone</source>
            <translation>此电话不支持该操作</translation>
        </message>
        <message>
            <source>refused by the phone</source>
            <translation>电话拒绝了该操作</translation>
        </message>
        <message>
            <source>the call is no longer there</source>
            <translation>该通话已不存在</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>the patient</source>
            <translation>本人</translation>
        </message>
        <message>
            <source>spouse</source>
            <translation>配偶</translation>
        </message>
        <message>
            <source>son or daughter</source>
            <translation>子女</translation>
        </message>
        <message>
            <source>parent</source>
            <translation>父母</translation>
        </message>
        <message>
            <source>other contact</source>
            <translation>其他联系人</translation>
        </message>
        <message>
            <source>Core</source>
            <translation>核心</translation>
        </message>
        <message>
            <source>Potential</source>
            <translation>潜力</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>普通</translation>
        </message>
        <message>
            <source>Drifting</source>
            <translation>游离</translation>
        </message>
        <message>
            <source>Value-oriented</source>
            <translation>价值型</translation>
        </message>
        <message>
            <source>Benefit-oriented</source>
            <translation>利益型</translation>
        </message>
        <message>
            <source>Volatile</source>
            <translation>波动型</translation>
        </message>
        <message>
            <source>Offline demo</source>
            <translation>离线演示</translation>
        </message>
        <message>
            <source>Offline: no central server configured</source>
            <translation>离线：未配置中心服务器</translation>
        </message>
        <message>
            <source>Offline: sync not available yet</source>
            <translation>离线：同步功能尚未提供</translation>
        </message>
        <message>
            <source>No VIP</source>
            <translation>非 VIP</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Workbench</source>
            <translation>工作台</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Complaints</source>
            <translation>投诉</translation>
        </message>
        <message>
            <source>Bookings</source>
            <translation>预约</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>随访</translation>
        </message>
        <message>
            <source>Analytics</source>
            <translation>统计</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>HCRM Desktop</source>
            <translation>HCRM 客服工作台</translation>
        </message>
        <message>
            <source>{title} (demo)</source>
            <translation>{title}（演示）</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>Sync &amp;conflicts…</source>
            <translation>同步冲突(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>转到(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>工具(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Knowledge base…</source>
            <translation>知识库(&amp;K)…</translation>
        </message>
        <message>
            <source>My &amp;QA reviews…</source>
            <translation>我的质检(&amp;Q)…</translation>
        </message>
        <message>
            <source>Follow-up &amp;rules…</source>
            <translation>随访规则(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About HCRM Desktop</source>
            <translation>关于 HCRM 客服工作台(&amp;A)</translation>
        </message>
        <message>
            <source>Click for sync conflicts</source>
            <translation>点击查看同步冲突</translation>
        </message>
        <message>
            <source>Synchronisation</source>
            <translation>同步</translation>
        </message>
        <message>
            <source>Your work is kept on this computer and sent when the connection is back.</source>
            <translation>您的工作已保存在本机，连接恢复后会自动发送。</translation>
        </message>
        <message>
            <source>About HCRM Desktop</source>
            <translation>关于 HCRM 客服工作台</translation>
        </message>
        <message>
            <source>HCRM Desktop {version}</source>
            <translation>HCRM 客服工作台 {version}</translation>
        </message>
        <message>
            <source>Customer service workbench for hospitals and health-check centers.</source>
            <translation>面向医院和体检中心的客户服务工作台。</translation>
        </message>
    </context>
    <context>
        <name>MatchChooser</name>
        <message>
            <source>Ask who is calling; ↑ ↓ to move, Enter to open.</source>
            <translation>请询问来电人是谁；↑ ↓ 移动，回车打开。</translation>
        </message>
        <message>
            <source>{count} customers use this number. Who is it about?</source>
            <translation>有 {count} 位客户登记了此号码，本次来电是为谁？</translation>
        </message>
        <message>
            <source>{age} years</source>
            <translation>{age} 岁</translation>
        </message>
        <message>
            <source>number of: {who}</source>
            <translation>号码属于：{who}</translation>
        </message>
        <message>
            <source>last contact {when}</source>
            <translation>最近联系 {when}</translation>
        </message>
        <message>
            <source>deceased</source>
            <translation>已故</translation>
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>MyQaDialog</name>
        <message>
            <source>My QA results</source>
            <translation>我的质检结果</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>质检时间</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>接触</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>总分</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>质检人</translation>
        </message>
        <message>
            <source>Read</source>
            <translation>已读</translation>
        </message>
        <message>
            <source>Checklist item</source>
            <translation>评分项</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>得分</translation>
        </message>
        <message>
            <source>Maximum</source>
            <translation>满分</translation>
        </message>
        <message>
            <source>{n} reviews, average {avg} points, {unread} unread</source>
            <translation>共 {n} 次质检，平均 {avg} 分，{unread} 条未读</translation>
        </message>
        <message>
            <source>No reviews yet.</source>
            <translation>暂无质检记录。</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>New</source>
            <translation>未读</translation>
        </message>
        <message>
            <source>Comment: {text}</source>
            <translation>评语：{text}</translation>
        </message>
    </context>
    <context>
        <name>NewCaseDialog</name>
        <message>
            <source>New complaint case</source>
            <translation>新建投诉工单</translation>
        </message>
        <message>
            <source>Name, phone or customer no.; empty: no patient</source>
            <translation>姓名、电话或客户号；留空：不关联患者</translation>
        </message>
        <message>
            <source>(no patient)</source>
            <translation>（不关联患者）</translation>
        </message>
        <message>
            <source>Patient</source>
            <translation>患者</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>分类</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>主题</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>详细描述</translation>
        </message>
        <message>
            <source>Department concerned</source>
            <translation>被投诉科室</translation>
        </message>
        <message>
            <source>Staff involved</source>
            <translation>涉及人员</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <source>Open case (Ctrl+Enter)</source>
            <translation>登记工单 (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <source>Press Esc again to discard what you typed.</source>
            <translation>再按一次 Esc 放弃已输入的内容。</translation>
        </message>
    </context>
    <context>
        <name>PatientPicker</name>
        <message>
            <source>Customer: name, phone, last 4 digits, customer no. (Ctrl+F)</source>
            <translation>客户：姓名、电话、手机尾号4位、客户编号（Ctrl+F）</translation>
        </message>
        <message>
            <source>No customer chosen.</source>
            <translation>尚未选择客户。</translation>
        </message>
    </context>
    <context>
        <name>PendingBar</name>
        <message>
            <source>Open wrap-up</source>
            <translation>打开接触记录</translation>
        </message>
        <message>
            <source>a withheld number</source>
            <translation>隐藏号码</translation>
        </message>
        <message>
            <source>the call from {number} answered at {time}</source>
            <translation>{time} 接听的 {number} 来电</translation>
        </message>
        <message>
            <source>a contact you started by hand</source>
            <translation>一条手动新建的接触</translation>
        </message>
        <message>
            <source>{count} contact(s) not wrapped up yet, the oldest: {what}.</source>
            <translation>有 {count} 条接触尚未记录，最早的是：{what}。</translation>
        </message>
    </context>
    <context>
        <name>PerformancePanel</name>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>上月</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>自定义…</translation>
        </message>
        <message>
            <source>By agent</source>
            <translation>按坐席</translation>
        </message>
        <message>
            <source>By team</source>
            <translation>按班组</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>期间</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Chart</source>
            <translation>图表</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>导出到 Excel…</translation>
        </message>
        <message>
            <source>Double-click a figure (or press Enter) to see the records behind it.</source>
            <translation>双击某个数字（或按回车）查看其对应的明细记录。</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>坐席</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>班组</translation>
        </message>
        <message>
            <source>Export to Excel</source>
            <translation>导出 Excel</translation>
        </message>
        <message>
            <source>The file could not be written: {path}</source>
            <translation>无法写入文件：{path}</translation>
        </message>
        <message>
            <source>Exported {n} rows to {path}</source>
            <translation>已导出 {n} 行到 {path}</translation>
        </message>
    </context>
    <context>
        <name>PhoneCredentialsBox</name>
        <message>
            <source>AMI user</source>
            <translation>AMI 用户名</translation>
        </message>
        <message>
            <source>AMI secret</source>
            <translation>AMI 密码</translation>
        </message>
        <message>
            <source>Agent extension</source>
            <translation>坐席分机</translation>
        </message>
        <message>
            <source>Hook token</source>
            <translation>回调令牌</translation>
        </message>
        <message>
            <source>Phone credentials</source>
            <translation>电话凭据</translation>
        </message>
        <message>
            <source>Save phone credentials</source>
            <translation>保存电话凭据</translation>
        </message>
        <message>
            <source>saved; type to replace</source>
            <translation>已保存；输入新值可替换</translation>
        </message>
        <message>
            <source>No keyring is available: the credentials were not saved.</source>
            <translation>系统密钥环不可用：凭据未保存。</translation>
        </message>
        <message>
            <source>Saved. The phone connects with them at the next start.</source>
            <translation>已保存。下次启动时电话将使用这些凭据连接。</translation>
        </message>
    </context>
    <context>
        <name>PraiseSection</name>
        <message>
            <source>Praise for</source>
            <translation>表扬对象</translation>
        </message>
        <message>
            <source>— a whole department —</source>
            <translation>— 整个科室 —</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— 请选择 —</translation>
        </message>
        <message>
            <source>Staff member</source>
            <translation>员工</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>科室</translation>
        </message>
    </context>
    <context>
        <name>ProfileCard</name>
        <message>
            <source>Consultation</source>
            <translation>咨询</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>投诉</translation>
        </message>
        <message>
            <source>Booking</source>
            <translation>预约</translation>
        </message>
        <message>
            <source>This customer died on {date}. Please speak with care; no marketing, no routine follow-up.</source>
            <translation>该客户已于 {date} 故去（已故）。请谨慎沟通，勿进行营销或常规随访。</translation>
        </message>
        <message>
            <source>This record was merged into another customer's record.</source>
            <translation>此档案已合并到另一位客户的档案中。</translation>
        </message>
        <message>
            <source>This customer's record has been deleted, so it can no longer be changed. What you typed on this card is kept; search for the customer again if needed.</source>
            <translation>该客户档案已被删除，无法再修改。您在本卡片中输入的内容仍保留；如需要请重新搜索客户。</translation>
        </message>
    </context>
    <context>
        <name>ProfileHeader</name>
        <message>
            <source>{age} years</source>
            <translation>{age} 岁</translation>
        </message>
        <message>
            <source>Value: {tier}</source>
            <translation>价值：{tier}</translation>
        </message>
        <message>
            <source>Deceased</source>
            <translation>已故</translation>
        </message>
        <message>
            <source>Customer no. {no}</source>
            <translation>客户号 {no}</translation>
        </message>
        <message>
            <source>ID {id}</source>
            <translation>身份证 {id}</translation>
        </message>
        <message>
            <source>Employer {name}</source>
            <translation>单位 {name}</translation>
        </message>
        <message>
            <source>{days} days ago</source>
            <translation>{days} 天前</translation>
        </message>
        <message>
            <source>Last 3 years: last visit {recency}, {count} visits or checkups, ¥{amount:,.0f}</source>
            <translation>近 3 年：最近就诊 {recency}，就诊或体检 {count} 次，消费 ¥{amount:,.0f}</translation>
        </message>
        <message>
            <source>No phone on file</source>
            <translation>未登记电话</translation>
        </message>
        <message>
            <source>Phones:</source>
            <translation>电话：</translation>
        </message>
        <message>
            <source>Click a number to dial it</source>
            <translation>点击号码即可拨打</translation>
        </message>
        <message>
            <source>SMS</source>
            <translation>短信</translation>
        </message>
        <message>
            <source>WeChat</source>
            <translation>微信</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Data use</source>
            <translation>数据使用</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Tags: {tags}　　Consent: {consent}</source>
            <translation>标签：{tags}　　联系许可：{consent}</translation>
        </message>
    </context>
    <context>
        <name>QaPanel</name>
        <message>
            <source>Agent</source>
            <translation>坐席</translation>
        </message>
        <message>
            <source>Earlier reviews of this agent</source>
            <translation>该坐席的历史质检</translation>
        </message>
        <message>
            <source>Checklist</source>
            <translation>质检评分表</translation>
        </message>
        <message>
            <source>{item} (max {max})</source>
            <translation>{item}（满分 {max}）</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>评语</translation>
        </message>
        <message>
            <source>Save review</source>
            <translation>保存质检</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Handle (s)</source>
            <translation>处理时长(秒)</translation>
        </message>
        <message>
            <source>QA done</source>
            <translation>已质检</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>质检时间</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>接触</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>总分</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>质检人</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>Total: {total} of {max}</source>
            <translation>总分：{total} / {max}</translation>
        </message>
        <message>
            <source>Discard scores</source>
            <translation>放弃评分</translation>
        </message>
        <message>
            <source>Discard the scores and comment entered for this contact?</source>
            <translation>放弃为此接触记录填写的评分和评语吗？</translation>
        </message>
        <message>
            <source>Review saved: {total} points.</source>
            <translation>质检已保存：{total} 分。</translation>
        </message>
    </context>
    <context>
        <name>QuestionRow</name>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
    </context>
    <context>
        <name>QuickCreateForm</name>
        <message>
            <source>Unknown number: file a new customer</source>
            <translation>陌生号码：新建客户档案</translation>
        </message>
        <message>
            <source>e.g. 李娜</source>
            <translation>例如 李娜</translation>
        </message>
        <message>
            <source>The patient's name</source>
            <translation>患者姓名</translation>
        </message>
        <message>
            <source>18 characters, optional</source>
            <translation>18 位，可不填</translation>
        </message>
        <message>
            <source>YYYY-MM-DD, optional</source>
            <translation>年-月-日，可不填</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Caller is</source>
            <translation>来电人是</translation>
        </message>
        <message>
            <source>Caller's name</source>
            <translation>来电人姓名</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>National ID</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>Birth date</source>
            <translation>出生日期</translation>
        </message>
        <message>
            <source>File customer (Ctrl+Enter)</source>
            <translation>建档（Ctrl+Enter）</translation>
        </message>
        <message>
            <source>Possibly already on file — open instead of filing again:</source>
            <translation>可能已有档案——请打开已有档案，勿重复建档：</translation>
        </message>
    </context>
    <context>
        <name>ReportsPanel</name>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>PDF report</source>
            <translation>PDF 报表</translation>
        </message>
        <message>
            <source>Excel workbook</source>
            <translation>Excel 工作簿</translation>
        </message>
        <message>
            <source>Build report</source>
            <translation>生成报表</translation>
        </message>
        <message>
            <source>Build the monthly CRM report (Ctrl+Enter)</source>
            <translation>生成客户关系管理月报（Ctrl+Enter）</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>打开文件夹</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <source>Save in</source>
            <translation>保存位置</translation>
        </message>
        <message>
            <source>Output files</source>
            <translation>输出文件</translation>
        </message>
        <message>
            <source>Save reports in</source>
            <translation>选择报表保存位置</translation>
        </message>
        <message>
            <source>Choose PDF, Excel or both.</source>
            <translation>请选择 PDF、Excel 或两者。</translation>
        </message>
        <message>
            <source>Building the report for %1…</source>
            <translation>正在生成 %1 月报…</translation>
        </message>
        <message>
            <source>Report written: %1 (in %2)</source>
            <translation>报表已生成：%1（位于 %2）</translation>
        </message>
    </context>
    <context>
        <name>Roles</name>
        <message>
            <source>Agent</source>
            <translation>客服专员</translation>
        </message>
        <message>
            <source>Follow-up nurse</source>
            <translation>随访护士</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>客服主管</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>系统管理员</translation>
        </message>
    </context>
    <context>
        <name>RulesDialog</name>
        <message>
            <source>Follow-up rules</source>
            <translation>随访方案</translation>
        </message>
        <message>
            <source>New rule</source>
            <translation>新建方案</translation>
        </message>
        <message>
            <source>Deactivate</source>
            <translation>停用</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Make today's tasks</source>
            <translation>生成今日任务</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Only administrators can change follow-up rules.</source>
            <translation>只有系统管理员可以修改随访方案。</translation>
        </message>
        <message>
            <source>[inactive]</source>
            <translation>[已停用]</translation>
        </message>
        <message>
            <source>[invalid]</source>
            <translation>[有误]</translation>
        </message>
        <message>
            <source>Activate</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>Line %1: %2</source>
            <translation>第 %1 行：%2</translation>
        </message>
        <message>
            <source>Rule saved: %1</source>
            <translation>方案已保存：%1</translation>
        </message>
        <message>
            <source>The code of a saved rule cannot change; use New rule instead.</source>
            <translation>已保存方案的编码不能修改；请使用“新建方案”。</translation>
        </message>
        <message>
            <source>This rule is not stored yet; save it first.</source>
            <translation>此方案尚未保存，请先保存。</translation>
        </message>
        <message>
            <source>The rule could not be saved.</source>
            <translation>方案未能保存。</translation>
        </message>
        <message>
            <source>Rule activated.</source>
            <translation>方案已启用。</translation>
        </message>
        <message>
            <source>Rule deactivated.</source>
            <translation>方案已停用。</translation>
        </message>
        <message>
            <source>Tasks made: %1 (already made earlier: %2)</source>
            <translation>已生成任务 %1 条（此前已生成 %2 条）</translation>
        </message>
        <message>
            <source>Discard changes?</source>
            <translation>放弃修改？</translation>
        </message>
        <message>
            <source>The changes to this rule have not been saved.</source>
            <translation>对此方案的修改尚未保存。</translation>
        </message>
    </context>
    <context>
        <name>Screenshot</name>
        <message>
            <source>Preview user</source>
            <translation>预览用户</translation>
        </message>
    </context>
    <context>
        <name>SearchResultsModel</name>
        <message>
            <source>phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>phone ending</source>
            <translation>电话尾号</translation>
        </message>
        <message>
            <source>name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>pinyin</source>
            <translation>拼音</translation>
        </message>
        <message>
            <source>pinyin initials</source>
            <translation>拼音首字母</translation>
        </message>
        <message>
            <source>national id</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>customer no.</source>
            <translation>客户号</translation>
        </message>
        <message>
            <source>HIS/PEIS number</source>
            <translation>HIS/PEIS 号</translation>
        </message>
        <message>
            <source>HIS number</source>
            <translation>HIS 号</translation>
        </message>
        <message>
            <source>PEIS number</source>
            <translation>PEIS 号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Birth date</source>
            <translation>出生日期</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>National ID</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>VIP</source>
            <translation>VIP</translation>
        </message>
        <message>
            <source>Customer no.</source>
            <translation>客户号</translation>
        </message>
        <message>
            <source>Found by</source>
            <translation>匹配方式</translation>
        </message>
    </context>
    <context>
        <name>SegmentsPanel</name>
        <message>
            <source>Edit thresholds…</source>
            <translation>修改分层阈值…</translation>
        </message>
        <message>
            <source>Recompute</source>
            <translation>重新计算</translation>
        </message>
        <message>
            <source>Segment all customers again (F5)</source>
            <translation>重新对全部客户分层（F5）</translation>
        </message>
        <message>
            <source>Churn risk</source>
            <translation>流失风险客户</translation>
        </message>
        <message>
            <source>Make follow-up list</source>
            <translation>生成随访名单</translation>
        </message>
        <message>
            <source>Put the customers listed (or the selected ones) on a follow-up list for the nurses (Ctrl+G)</source>
            <translation>把列表中（或选中的）客户生成随访任务，交给随访护士（Ctrl+G）</translation>
        </message>
        <message>
            <source>Customer no.</source>
            <translation>客户编号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Value tier</source>
            <translation>价值分层</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>来访次数</translation>
        </message>
        <message>
            <source>Spent</source>
            <translation>消费金额</translation>
        </message>
        <message>
            <source>Last visit</source>
            <translation>最近来访</translation>
        </message>
        <message>
            <source>Usual interval (days)</source>
            <translation>平时复诊间隔（天）</translation>
        </message>
        <message>
            <source>Expected back by</source>
            <translation>应复诊日期</translation>
        </message>
        <message>
            <source>Days overdue</source>
            <translation>逾期天数</translation>
        </message>
        <message>
            <source>Lifecycle stages</source>
            <translation>生命周期</translation>
        </message>
        <message>
            <source>Customer count</source>
            <translation>客户数</translation>
        </message>
        <message>
            <source>Visits per month by value tier</source>
            <translation>各价值分层每月来访次数</translation>
        </message>
        <message>
            <source>Churn risk win-back %1</source>
            <translation>流失风险挽回 %1</translation>
        </message>
        <message>
            <source>Overdue for the usual return visit</source>
            <translation>超过平时复诊间隔未来访</translation>
        </message>
        <message>
            <source>Follow-up list “%1”: %2 task(s) created, %3 already on the list.</source>
            <translation>随访名单“%1”：新建 %2 个随访任务，%3 位客户已在名单中。</translation>
        </message>
        <message>
            <source>Exported to %1</source>
            <translation>已导出到 %1</translation>
        </message>
    </context>
    <context>
        <name>SettingsView</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Changes are saved as soon as you make them.</source>
            <translation>修改后立即保存。</translation>
        </message>
        <message>
            <source>HCRM Desktop version {version}</source>
            <translation>HCRM 客服工作台 版本 {version}</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>界面语言</translation>
        </message>
        <message>
            <source>Phone adapter</source>
            <translation>电话接入方式</translation>
        </message>
        <message>
            <source>Phone address</source>
            <translation>电话系统地址</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Open log folder</source>
            <translation>打开日志文件夹</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <source>Log folder</source>
            <translation>日志文件夹</translation>
        </message>
        <message>
            <source>The settings could not be saved: {error}</source>
            <translation>设置无法保存：{error}</translation>
        </message>
        <message>
            <source>The phone adapter connects the next time HCRM Desktop starts.</source>
            <translation>新的电话接入方式将在下次启动时生效。</translation>
        </message>
        <message>
            <source>The log folder could not be opened: {path}</source>
            <translation>无法打开日志文件夹：{path}</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>Sign in to HCRM Desktop</source>
            <translation>登录 HCRM 客服工作台</translation>
        </message>
        <message>
            <source>This database has no user who can sign in.</source>
            <translation>此数据库中没有可登录的用户。</translation>
        </message>
        <message>
            <source>HCRM Desktop</source>
            <translation>HCRM 客服工作台</translation>
        </message>
        <message>
            <source>Customer service workbench</source>
            <translation>医院客户服务工作台</translation>
        </message>
        <message>
            <source>&amp;User</source>
            <translation>用户(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Password</source>
            <translation>密码(&amp;P)</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>请输入密码</translation>
        </message>
        <message>
            <source>Demo password: demo</source>
            <translation>演示密码：demo</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Please enter your password.</source>
            <translation>请输入密码。</translation>
        </message>
        <message>
            <source>This account is disabled. Please ask an administrator.</source>
            <translation>该账号已停用，请联系系统管理员。</translation>
        </message>
        <message>
            <source>This user is not known on this workstation.</source>
            <translation>本工作站没有该用户。</translation>
        </message>
        <message>
            <source>Wrong password. Please try again.</source>
            <translation>密码错误，请重新输入。</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>正在登录…</translation>
        </message>
    </context>
    <context>
        <name>SimulateCallButton</name>
        <message>
            <source>Simulate call</source>
            <translation>模拟来电</translation>
        </message>
        <message>
            <source>Ring the simulated phone (F8: customer, family, unknown, withheld in turn)</source>
            <translation>让模拟电话响铃（F8 依次模拟：客户本人、家属、陌生号码、隐藏号码）</translation>
        </message>
        <message>
            <source>A customer calls</source>
            <translation>客户本人来电</translation>
        </message>
        <message>
            <source>A family member calls</source>
            <translation>家属来电</translation>
        </message>
        <message>
            <source>An unknown number calls</source>
            <translation>陌生号码来电</translation>
        </message>
        <message>
            <source>A withheld number calls</source>
            <translation>隐藏号码来电</translation>
        </message>
    </context>
    <context>
        <name>StoreErrors</name>
        <message>
            <source>The database file does not exist:
{path}</source>
            <translation>数据库文件不存在：
{path}</translation>
        </message>
        <message>
            <source>The database is in use by another program:
{path}

Close the other program and try again.</source>
            <translation>数据库正被其他程序占用：
{path}

请关闭该程序后重试。</translation>
        </message>
        <message>
            <source>The database was written by a newer version of HCRM Desktop:
{path}

Please install the newer version to open it.</source>
            <translation>此数据库由更新版本的 HCRM 客服工作台创建：
{path}

请安装新版本后再打开。</translation>
        </message>
        <message>
            <source>The database file is damaged or is not an HCRM database:
{path}</source>
            <translation>数据库文件已损坏，或不是 HCRM 数据库：
{path}</translation>
        </message>
        <message>
            <source>HCRM Desktop cannot write to the database location:
{path}

Check the permissions.</source>
            <translation>HCRM 客服工作台无法写入数据库所在位置：
{path}

请检查文件权限。</translation>
        </message>
        <message>
            <source>A database already exists at:
{path}</source>
            <translation>该位置已存在数据库：
{path}</translation>
        </message>
        <message>
            <source>The database could not be used:
{path}</source>
            <translation>无法使用该数据库：
{path}</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>数据库</translation>
        </message>
    </context>
    <context>
        <name>SupervisorWords</name>
        <message>
            <source>Contacts</source>
            <translation>接触量</translation>
        </message>
        <message>
            <source>Avg handle (s)</source>
            <translation>平均处理时长(秒)</translation>
        </message>
        <message>
            <source>Avg wrap-up (s)</source>
            <translation>平均话后处理(秒)</translation>
        </message>
        <message>
            <source>First-contact resolution %</source>
            <translation>首次解决率%</translation>
        </message>
        <message>
            <source>Praise</source>
            <translation>表扬</translation>
        </message>
        <message>
            <source>Complaints about</source>
            <translation>被投诉</translation>
        </message>
        <message>
            <source>Complaints handled</source>
            <translation>处理投诉</translation>
        </message>
        <message>
            <source>Complaint SLA met %</source>
            <translation>投诉按时办结率%</translation>
        </message>
        <message>
            <source>Complaint satisfaction</source>
            <translation>投诉满意度</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>随访任务</translation>
        </message>
        <message>
            <source>Follow-up completion %</source>
            <translation>随访完成率%</translation>
        </message>
        <message>
            <source>Calls per completion</source>
            <translation>每次完成呼叫数</translation>
        </message>
        <message>
            <source>Survey score</source>
            <translation>问卷满意度</translation>
        </message>
        <message>
            <source>QA average</source>
            <translation>质检平均分</translation>
        </message>
        <message>
            <source>On a call</source>
            <translation>通话中</translation>
        </message>
        <message>
            <source>Wrap-up</source>
            <translation>话后处理</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>空闲</translation>
        </message>
        <message>
            <source>Away</source>
            <translation>离开</translation>
        </message>
        <message>
            <source>No activity today</source>
            <translation>今日无活动</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>WeChat</source>
            <translation>微信</translation>
        </message>
        <message>
            <source>Web</source>
            <translation>网站</translation>
        </message>
        <message>
            <source>SMS</source>
            <translation>短信</translation>
        </message>
        <message>
            <source>Walk-in</source>
            <translation>到访</translation>
        </message>
        <message>
            <source>Consultation</source>
            <translation>咨询</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>投诉</translation>
        </message>
        <message>
            <source>Booking</source>
            <translation>预约</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>随访</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Low</source>
            <translation>低</translation>
        </message>
        <message>
            <source>Medium</source>
            <translation>中</translation>
        </message>
        <message>
            <source>High</source>
            <translation>高</translation>
        </message>
        <message>
            <source>Critical</source>
            <translation>特急</translation>
        </message>
        <message>
            <source>On track</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>At risk</source>
            <translation>即将超时</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>已超时</translation>
        </message>
        <message>
            <source>Only supervisors and administrators may do this.</source>
            <translation>只有客服主管和系统管理员可以执行此操作。</translation>
        </message>
        <message>
            <source>This contact no longer exists.</source>
            <translation>该接触记录已不存在。</translation>
        </message>
        <message>
            <source>This contact has no agent to review.</source>
            <translation>该接触记录没有可质检的坐席。</translation>
        </message>
        <message>
            <source>This review no longer exists.</source>
            <translation>该质检记录已不存在。</translation>
        </message>
        <message>
            <source>Your account was not found.</source>
            <translation>未找到您的账号。</translation>
        </message>
        <message>
            <source>Please enter a score.</source>
            <translation>请填写分数。</translation>
        </message>
        <message>
            <source>Enter a number.</source>
            <translation>请输入数字。</translation>
        </message>
        <message>
            <source>The score must be between 0 and the item's maximum.</source>
            <translation>分数必须在 0 到该项满分之间。</translation>
        </message>
        <message>
            <source>The checklist has changed; reopen the review.</source>
            <translation>评分表已更新，请重新打开质检。</translation>
        </message>
        <message>
            <source>The comment is too long.</source>
            <translation>评语过长。</translation>
        </message>
        <message>
            <source>Emoji are not allowed here.</source>
            <translation>此处不能输入表情符号。</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>分类</translation>
        </message>
        <message>
            <source>Handle (s)</source>
            <translation>处理时长(秒)</translation>
        </message>
        <message>
            <source>Wrap-up (s)</source>
            <translation>话后处理(秒)</translation>
        </message>
        <message>
            <source>Resolved first time</source>
            <translation>首次解决</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>工单号</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>受理时间</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>主题</translation>
        </message>
        <message>
            <source>Resolve by</source>
            <translation>办结时限</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>办结时间</translation>
        </message>
        <message>
            <source>Satisfaction</source>
            <translation>满意度</translation>
        </message>
        <message>
            <source>Staff involved</source>
            <translation>涉及人员</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>到期</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>完成时间</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>呼叫次数</translation>
        </message>
        <message>
            <source>Called at</source>
            <translation>呼叫时间</translation>
        </message>
        <message>
            <source>Duration (s)</source>
            <translation>通话时长(秒)</translation>
        </message>
        <message>
            <source>Task state</source>
            <translation>任务状态</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>提交时间</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>得分</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>质检时间</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>总分</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>评语</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <source>(no team)</source>
            <translation>（未分组）</translation>
        </message>
        <message>
            <source>(unassigned)</source>
            <translation>（未分配）</translation>
        </message>
        <message>
            <source>This could not be saved.</source>
            <translation>无法保存。</translation>
        </message>
        <message>
            <source>{d}d</source>
            <translation>{d}天</translation>
        </message>
        <message>
            <source>{h}h {m}m</source>
            <translation>{h}小时{m}分</translation>
        </message>
        <message>
            <source>{m}m</source>
            <translation>{m}分钟</translation>
        </message>
    </context>
    <context>
        <name>SyncBridge</name>
        <message>
            <source>The central server cannot be reached.</source>
            <translation>无法连接中心服务器。</translation>
        </message>
        <message>
            <source>The central server reported an error.</source>
            <translation>中心服务器报告了错误。</translation>
        </message>
        <message>
            <source>The central server sent a reply that could not be read.</source>
            <translation>中心服务器返回了无法识别的应答。</translation>
        </message>
        <message>
            <source>Sign-in at the central server failed: check user and password in Settings.</source>
            <translation>中心服务器登录失败：请在“设置”中检查用户名和密码。</translation>
        </message>
        <message>
            <source>Your role may not do this at the central server.</source>
            <translation>您的角色无权在中心服务器执行此操作。</translation>
        </message>
        <message>
            <source>This version of HCRM Desktop does not match the central server: please update.</source>
            <translation>本版本 HCRM 客服工作台与中心服务器不匹配，请升级。</translation>
        </message>
        <message>
            <source>The central server's data structure differs from this version's: please update.</source>
            <translation>中心服务器的数据结构与本版本不一致，请升级。</translation>
        </message>
        <message>
            <source>This database was filled from another central server.</source>
            <translation>本地数据库来自另一台中心服务器。</translation>
        </message>
        <message>
            <source>The disk is full: free some space, sync resumes by itself.</source>
            <translation>磁盘已满：请释放空间，同步会自动继续。</translation>
        </message>
        <message>
            <source>The local database could not be written.</source>
            <translation>无法写入本地数据库。</translation>
        </message>
        <message>
            <source>The central server address is not valid.</source>
            <translation>中心服务器地址无效。</translation>
        </message>
        <message>
            <source>Synchronisation failed.</source>
            <translation>同步失败。</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>在线</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>离线</translation>
        </message>
        <message>
            <source>first download</source>
            <translation>首次下载中</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>pending %1</source>
            <translation>待上传 %1</translation>
        </message>
        <message>
            <source>conflicts %1</source>
            <translation>冲突 %1</translation>
        </message>
        <message>
            <source>last sync %1</source>
            <translation>上次同步 %1</translation>
        </message>
        <message>
            <source>error</source>
            <translation>出错</translation>
        </message>
    </context>
    <context>
        <name>ThresholdDialog</name>
        <message>
            <source>Segmentation thresholds</source>
            <translation>客户分层阈值</translation>
        </message>
        <message>
            <source>Window (days)</source>
            <translation>统计窗口（天）</translation>
        </message>
        <message>
            <source>Recent: seen within (days)</source>
            <translation>近期：多少天内来过（天）</translation>
        </message>
        <message>
            <source>Drifting / lapsed: not seen for more than (days)</source>
            <translation>游离/流失：超过多少天未来（天）</translation>
        </message>
        <message>
            <source>Core: at least this many visits</source>
            <translation>核心：至少来访次数</translation>
        </message>
        <message>
            <source>Long-term: at least this many visits</source>
            <translation>长期：至少来访次数</translation>
        </message>
        <message>
            <source>Core: spent at least</source>
            <translation>核心：消费至少</translation>
        </message>
        <message>
            <source>Churn risk: overdue by × usual interval</source>
            <translation>流失风险：超过平时复诊间隔的倍数</translation>
        </message>
        <message>
            <source>The thresholds were changed. Press Esc again to discard the changes, or Ctrl+Enter to save them.</source>
            <translation>阈值已修改。再按一次 Esc 放弃修改，或按 Ctrl+Enter 保存。</translation>
        </message>
    </context>
    <context>
        <name>TimelineModel</name>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>What</source>
            <translation>事项</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详情</translation>
        </message>
    </context>
    <context>
        <name>TimelinePanel</name>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
    </context>
    <context>
        <name>WorkbenchView</name>
        <message>
            <source>Workbench</source>
            <translation>工作台</translation>
        </message>
        <message>
            <source>Hello, {name}. Here is today at a glance.</source>
            <translation>{name}，您好！以下是今日概况。</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>客户总数</translation>
        </message>
        <message>
            <source>Open complaints</source>
            <translation>未结投诉</translation>
        </message>
        <message>
            <source>Follow-ups due today or overdue</source>
            <translation>今日到期及逾期随访</translation>
        </message>
        <message>
            <source>Bookings in the next 7 days</source>
            <translation>未来 7 天预约</translation>
        </message>
        <message>
            <source>New contact (walk-in, message)</source>
            <translation>新建接触（现场、消息）</translation>
        </message>
        <message>
            <source>Waiting for calls. When the phone rings, the caller's profile appears here, before you answer.</source>
            <translation>等待来电。电话响铃时，来电客户的档案会在接听前显示在这里。</translation>
        </message>
        <message>
            <source>Simulate call</source>
            <translation>模拟来电</translation>
        </message>
        <message>
            <source>Answering</source>
            <translation>接听</translation>
        </message>
        <message>
            <source>Hanging up</source>
            <translation>挂断</translation>
        </message>
        <message>
            <source>Dialling</source>
            <translation>拨号</translation>
        </message>
        <message>
            <source>{action} did not work: {reason}</source>
            <translation>{action}未成功：{reason}</translation>
        </message>
    </context>
    <context>
        <name>WorklistModel</name>
        <message>
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <source>Patient</source>
            <translation>患者</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>随访方案</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>科室</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>到期时间</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Calls</source>
            <translation>呼叫次数</translation>
        </message>
        <message>
            <source>Nurse</source>
            <translation>护士</translation>
        </message>
        <message>
            <source>Overdue: the call window ended %1</source>
            <translation>已超时：随访窗口于 %1 结束</translation>
        </message>
        <message>
            <source>The patient asked to be called back now</source>
            <translation>患者要求此时回电</translation>
        </message>
        <message>
            <source>This record was merged into another one</source>
            <translation>该档案已合并到另一档案</translation>
        </message>
    </context>
    <context>
        <name>WrapUpDialog</name>
        <message>
            <source>Wrap-up of a call</source>
            <translation>通话接触记录</translation>
        </message>
        <message>
            <source>New contact</source>
            <translation>新建接触</translation>
        </message>
        <message>
            <source>Who is it? Search for the customer, or leave this empty for a contact without one.</source>
            <translation>是哪位客户？请搜索客户；不关联客户时可留空。</translation>
        </message>
    </context>
    <context>
        <name>WrapUpForm</name>
        <message>
            <source>Wrap-up</source>
            <translation>接触记录</translation>
        </message>
        <message>
            <source>Use the record that remains</source>
            <translation>改用保留的档案</translation>
        </message>
        <message>
            <source>Contact number, optional</source>
            <translation>联系电话（选填）</translation>
        </message>
        <message>
            <source>Resolved in this contact</source>
            <translation>本次接触已解决</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>号码</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>分类</translation>
        </message>
        <message>
            <source>Disposition</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <source>What the customer wanted and what you did</source>
            <translation>客户诉求及处理情况</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Save (Ctrl+Enter)</source>
            <translation>保存 (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <source>— none for this type —</source>
            <translation>— 此类型无分类 —</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— 请选择 —</translation>
        </message>
        <message>
            <source>No customer linked</source>
            <translation>未关联客户</translation>
        </message>
        <message>
            <source>Customer: {who}</source>
            <translation>客户：{who}</translation>
        </message>
        <message>
            <source>Handle time {time} · call ended</source>
            <translation>处理时长 {time} · 通话已结束</translation>
        </message>
        <message>
            <source>Handle time {time}</source>
            <translation>处理时长 {time}</translation>
        </message>
        <message>
            <source>What you typed earlier is back.</source>
            <translation>之前输入的内容已恢复。</translation>
        </message>
        <message>
            <source>Choose the type of contact (Alt+1 to Alt+5).</source>
            <translation>请选择接触类型（Alt+1 至 Alt+5）。</translation>
        </message>
        <message>
            <source>The contact will be filed under the record that remains.</source>
            <translation>本次接触将记录在保留的档案下。</translation>
        </message>
        <message>
            <source>Discard the wrap-up?</source>
            <translation>放弃接触记录？</translation>
        </message>
        <message>
            <source>Discard what you typed in this wrap-up?</source>
            <translation>放弃本次接触记录中已输入的内容吗？</translation>
        </message>
    </context>
    <context>
        <name>WrapUpWords</name>
        <message>
            <source>Consultation</source>
            <translation>咨询</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>投诉</translation>
        </message>
        <message>
            <source>Booking</source>
            <translation>预约</translation>
        </message>
        <message>
            <source>Praise</source>
            <translation>表扬</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Low</source>
            <translation>低</translation>
        </message>
        <message>
            <source>Medium</source>
            <translation>中</translation>
        </message>
        <message>
            <source>High</source>
            <translation>高</translation>
        </message>
        <message>
            <source>Critical</source>
            <translation>特急</translation>
        </message>
        <message>
            <source>Walk-in</source>
            <translation>现场</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>SMS</source>
            <translation>短信</translation>
        </message>
        <message>
            <source>WeChat</source>
            <translation>微信</translation>
        </message>
        <message>
            <source>Web</source>
            <translation>网站</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>必填</translation>
        </message>
        <message>
            <source>Not valid</source>
            <translation>无效</translation>
        </message>
        <message>
            <source>No longer exists; choose again</source>
            <translation>已不存在，请重新选择</translation>
        </message>
        <message>
            <source>Too long</source>
            <translation>太长</translation>
        </message>
        <message>
            <source>No emoji or symbols, please: remove them to save</source>
            <translation>不能包含表情或符号，请删除后再保存</translation>
        </message>
        <message>
            <source>Contains characters that are not allowed</source>
            <translation>包含不允许的字符</translation>
        </message>
        <message>
            <source>Not a phone number</source>
            <translation>不是有效的电话号码</translation>
        </message>
        <message>
            <source>Lies in the future</source>
            <translation>不能晚于当前时间</translation>
        </message>
        <message>
            <source>Ends before it starts</source>
            <translation>结束时间早于开始时间</translation>
        </message>
        <message>
            <source>This customer's record was deleted meanwhile. Search for the customer again, or save without one.</source>
            <translation>该客户档案已被删除。请重新搜索客户，或不关联客户保存。</translation>
        </message>
        <message>
            <source>This customer's record was merged into another one meanwhile. Use the record that remains to save.</source>
            <translation>该客户档案已被合并到另一份档案。请改用保留的档案保存。</translation>
        </message>
    </context>
</TS>
