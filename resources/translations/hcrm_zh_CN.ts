<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AnalyticsView</name>
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
    <message>
        <source>Today&apos;s load and deadline risk; reassigning work</source>
        <translation>今日工作量与超时风险；重新分派工作</translation>
    </message>
    <message>
        <source>Agent figures: calls, handle time, first-contact resolution, satisfaction</source>
        <translation>客服绩效：通话量、处理时长、首次解决率、满意度</translation>
    </message>
    <message>
        <source>Customer value tiers, lifecycle stages, age bands, regions and packages</source>
        <translation>客户价值分层、生命周期、年龄段、地区与套餐分析</translation>
    </message>
    <message>
        <source>Complaints and satisfaction by department</source>
        <translation>按科室统计投诉与满意度</translation>
    </message>
    <message>
        <source>Export to Excel and a monthly PDF report</source>
        <translation>导出 Excel 及月度 PDF 报告</translation>
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
        <source>Coming in a later version: booking</source>
        <translation>此功能将在后续版本提供：预约挂号与体检预约</translation>
    </message>
    <message>
        <source>Free slots by package or clinic, day and morning or afternoon</source>
        <translation>按套餐或门诊、日期及上午/下午查看剩余号源</translation>
    </message>
    <message>
        <source>Book, reschedule and cancel during the call</source>
        <translation>通话中直接预约、改约和取消</translation>
    </message>
    <message>
        <source>Places kept for VIP customers</source>
        <translation>为 VIP 客户预留号源</translation>
    </message>
    <message>
        <source>Reminders and no-show tracking</source>
        <translation>预约提醒与爽约跟踪</translation>
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
        <source>Notes on this call. They stay on this card; the recording forms come with the next version.</source>
        <translation>本次通话的备注。备注保留在本卡片中；记录表单将在下一版本提供。</translation>
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
        <source>The caller&apos;s number could not be read ({number}). Ask who is calling and search:</source>
        <translation>无法识别来电号码（{number}）。请询问来电人身份后搜索：</translation>
    </message>
    <message>
        <source>The caller withheld the number, so nobody could be recognised. Ask who is calling and search:</source>
        <translation>来电号码已隐藏，无法自动识别客户。请询问来电人身份后搜索：</translation>
    </message>
    <message>
        <source>Caller: the patient&apos;s {who}{name}</source>
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
    <name>CardActions</name>
    <message>
        <source>Record a consultation</source>
        <translation>记录咨询</translation>
    </message>
    <message>
        <source>Record a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Book a checkup or clinic slot</source>
        <translation>预约体检或门诊</translation>
    </message>
    <message>
        <source>This form comes with the next version of HCRM Desktop.</source>
        <translation>此表单将在 HCRM 客服工作台的下一版本提供。</translation>
    </message>
    <message>
        <source>The card for {customer} stays open and keeps your notes, so nothing is lost in the meantime.</source>
        <translation>{customer} 的卡片保持打开并保留您的备注，期间不会丢失任何内容。</translation>
    </message>
</context>
<context>
    <name>ComplaintsView</name>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Complaint cases with their deadlines.</source>
        <translation>投诉工单及其处理时限。</translation>
    </message>
    <message>
        <source>Coming in a later version: complaint cases</source>
        <translation>此功能将在后续版本提供：投诉工单</translation>
    </message>
    <message>
        <source>Record a complaint during the call, with category, department and severity</source>
        <translation>通话中登记投诉，包括类别、科室和严重程度</translation>
    </message>
    <message>
        <source>Case states: new, acknowledged, in progress, resolved, closed</source>
        <translation>工单状态：新建、已受理、处理中、已解决、已关闭</translation>
    </message>
    <message>
        <source>Deadlines for acknowledging and resolving, with warnings before they pass</source>
        <translation>受理与解决时限，超时前提醒</translation>
    </message>
    <message>
        <source>Replies, escalation and the customer&apos;s satisfaction with the resolution</source>
        <translation>回复、升级处理及客户对处理结果的满意度</translation>
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
    <name>FollowUpsView</name>
    <message>
        <source>Follow-ups</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>The call list of follow-up tasks.</source>
        <translation>随访任务呼叫列表。</translation>
    </message>
    <message>
        <source>Coming in a later version: the follow-up call list</source>
        <translation>此功能将在后续版本提供：随访任务与呼叫列表</translation>
    </message>
    <message>
        <source>Post-discharge, post-surgery, chronic-disease and abnormal-checkup follow-ups</source>
        <translation>出院随访、术后随访、慢病随访和体检异常随访</translation>
    </message>
    <message>
        <source>A script and questionnaire for each call, with outcome and callback time</source>
        <translation>每通电话配有话术和问卷，记录结果与回访时间</translation>
    </message>
    <message>
        <source>Red flags that reach a doctor</source>
        <translation>危急情况及时通知医生</translation>
    </message>
    <message>
        <source>Satisfaction surveys and win-back of lapsed customers</source>
        <translation>满意度调查与流失客户召回</translation>
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
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
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
        <source>This record was merged into another customer&apos;s record.</source>
        <translation>此档案已合并到另一位客户的档案中。</translation>
    </message>
    <message>
        <source>This customer&apos;s record has been deleted, so it can no longer be changed. What you typed on this card is kept; search for the customer again if needed.</source>
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
        <source>Tags: {tags}&#x3000;&#x3000;Consent: {consent}</source>
        <translation>标签：{tags}&#x3000;&#x3000;联系许可：{consent}</translation>
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
        <source>The patient&apos;s name</source>
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
        <source>Caller&apos;s name</source>
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
        <source>Phone and server</source>
        <translation>电话与服务器</translation>
    </message>
    <message>
        <source>e.g. https://crm.hospital.example or postgresql+psycopg://…</source>
        <translation>例如 https://crm.hospital.example 或 postgresql+psycopg://…</translation>
    </message>
    <message>
        <source>Synchronisation with a central server is not available yet in this version; the address is saved for later.</source>
        <translation>当前版本尚不支持与中心服务器同步；地址将先保存，供以后使用。</translation>
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
        <source>Central server</source>
        <translation>中心服务器</translation>
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
        <source>Waiting for calls. When the phone rings, the caller&apos;s profile appears here, before you answer.</source>
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
</TS>
