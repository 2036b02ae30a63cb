"""Every villager-facing sentence of the conversation layer. Short, polite, plain
words for elderly villagers; numbers and names are filled in by small functions."""

from __future__ import annotations

WELCOME = (
    "您好，欢迎关注{center}！\n"
    "想办什么事，直接发文字或语音问我就行，比如“低保要带什么”“医保怎么交”。\n"
    "回复“人工”找工作人员，回复“进度”查办理情况。"
)
WELCOME_SCENE = "（您是扫{scene}的二维码来的。）"
SCAN_AGAIN = "您好，又见面了！有什么要办的，直接问我就行。"
VOICE_UNCLEAR = "不好意思，这段语音我没听清。\n请再说一遍，或者打字发给我；也可以回复“人工”找工作人员。"
IMAGE_RECEIVED = "图片收到了。如果是办事材料，请先告诉我要办什么事；需要工作人员看，请回复“人工”。"
VIDEO_RECEIVED = "视频收到了。我只能看懂文字和语音，请用文字或语音告诉我您要办什么事。"
LINK_RECEIVED = "链接收到了。请用一句话告诉我您想问什么事。"
LOCATION_REPLY = "收到您的位置。便民服务中心在：{address}\n办公时间：{hours}"
GREETING = "您好！我是{center}的小助手。\n想办什么事，直接问我，比如“办低保要带什么”。"
THANKS = "不客气！还有别的事随时问我。"
MENU_BAD_CHOICE = "请回复 1 到 {n} 之间的数字选择；都不是的话，换个说法再问我一次。"
ERROR = "不好意思，系统刚才出了点问题，请过一会儿再发一次；着急的话请拨打{phone}。"
HUMAN_BY_PHONE = (
    "需要找工作人员的话，请拨打咨询电话 {phone}（{hours}），\n"
    "或者直接到{address}找窗口工作人员。"
)
STATUS_BY_PHONE = "查询办理进度，请拨打 {phone}，或到中心窗口报上您的姓名和手机号。"
COMPLAINT_BY_PHONE = (
    "您反映的情况很重要。请拨打监督投诉电话 {complaint}，"
    "或到{address}找综治中心（信访办）当面反映，我们会认真处理。"
)
THANKS_WORDS = ("谢", "感谢")
CHINESE_DIGITS = "零一二三四五六七八九"
