"""Enumerations of the domain (DESIGN.md section 2). Values are stable strings stored in the database."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    AGENT = "agent"
    NURSE = "nurse"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    DOCTOR = "doctor"  # clinicians: credited in praise, receive escalations; do not sign in at the desk


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"
    UNKNOWN = "U"


class PhoneRelation(StrEnum):
    """Who owns a phone number, relative to the patient it is filed under."""

    SELF = "self"
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    OTHER = "other"


class IdentifierSystem(StrEnum):
    HIS = "HIS"
    PEIS = "PEIS"
    LIS = "LIS"
    EMR = "EMR"


class CustomerType(StrEnum):
    VALUE = "value"  # 价值型
    BENEFIT = "benefit"  # 利益型
    VOLATILE = "volatile"  # 波动型 (e.g. checkup only, sub-healthy)


class ValueTier(StrEnum):
    CORE = "core"  # 核心
    POTENTIAL = "potential"  # 潜力
    NORMAL = "normal"  # 普通
    DRIFTING = "drifting"  # 游离


class LifecycleStage(StrEnum):
    FIRST_TIME = "first_time"  # 首次
    POTENTIAL = "potential"  # 潜在
    LONG_TERM = "long_term"  # 长期
    LAPSED = "lapsed"  # 流失


class IncomeBand(StrEnum):
    LOW = "low"
    MIDDLE = "middle"
    UPPER_MIDDLE = "upper_middle"
    HIGH = "high"


class Education(StrEnum):
    PRIMARY = "primary"
    SECONDARY = "secondary"
    COLLEGE = "college"
    BACHELOR = "bachelor"
    POSTGRADUATE = "postgraduate"


class EncounterKind(StrEnum):
    OUTPATIENT = "outpatient"
    INPATIENT = "inpatient"
    EMERGENCY = "emergency"


class RiskLevel(StrEnum):
    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class Channel(StrEnum):
    PHONE = "phone"
    SMS = "sms"
    WECHAT = "wechat"
    WEB = "web"
    WALK_IN = "walk_in"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class InteractionType(StrEnum):
    CONSULTATION = "consultation"  # 咨询
    COMPLAINT = "complaint"  # 投诉
    PRAISE = "praise"  # 表扬
    BOOKING = "booking"  # 预约
    FOLLOW_UP = "follow_up"  # 随访
    OTHER = "other"


class ComplaintSeverity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class ComplaintState(StrEnum):
    NEW = "new"  # 新建
    ACKNOWLEDGED = "acknowledged"  # 已受理
    IN_PROGRESS = "in_progress"  # 处理中
    RESOLVED = "resolved"  # 已解决
    CLOSED = "closed"  # 已关闭


class SlotResource(StrEnum):
    PACKAGE = "package"  # 体检套餐
    CLINIC = "clinic"  # 专家门诊


class DayPeriod(StrEnum):
    MORNING = "am"
    AFTERNOON = "pm"


class BookingState(StrEnum):
    BOOKED = "booked"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"
    COMPLETED = "completed"


class FollowUpKind(StrEnum):
    CAMPAIGN = "campaign"  # a list made by hand or from an analytics segment (e.g. churn risk)
    POST_DISCHARGE = "post_discharge"
    POST_SURGERY = "post_surgery"
    CHRONIC = "chronic"
    ABNORMAL_CHECKUP = "abnormal_checkup"
    SATISFACTION = "satisfaction"
    WIN_BACK = "win_back"
    ANNUAL_CHECKUP = "annual_checkup"


class TaskState(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    CALLBACK = "callback"
    DONE = "done"
    LOST = "lost"  # 失访
    CANCELLED = "cancelled"


class CallOutcome(StrEnum):
    COMPLETED = "completed"  # 已完成
    NO_ANSWER = "no_answer"  # 未接通
    BUSY = "busy"  # 占线
    WRONG_NUMBER = "wrong_number"  # 号码错误
    REFUSED = "refused"  # 拒访
    CALLBACK = "callback"  # 要求回电
    DECEASED = "deceased"  # 患者已故


class EscalationState(StrEnum):
    OPEN = "open"  # 待处理: raised, waiting for the doctor
    INSTRUCTED = "instructed"  # 已下达: the doctor gave an instruction
    EXECUTED = "executed"  # 已执行: the instruction was carried out and fed back
    CLOSED = "closed"  # 已关闭


class MutationOp(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
