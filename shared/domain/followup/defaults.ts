import type { FollowupTemplate } from '../../contract/followup';

/**
 * The follow-up mails Koma ships, in Japanese business style (件名 with 【】, 株式会社… 様, the
 * rep's name at the end) and in English. A team's own edits replace them (docs/followup.md).
 */
export const defaultFollowupTemplates: readonly FollowupTemplate[] = [
  {
    id: 'thanks',
    kind: 'thanks',
    name: { ja: 'お礼', en: 'Thank you' },
    subject: { ja: '【お礼】本日のお電話について', en: 'Thank you for your time today' },
    body: {
      ja: '{{company}}\n{{person}} 様\n\n本日はお忙しいところお時間をいただき、誠にありがとうございました。\nお話しいただいた内容をもとに、改めてご連絡いたします。\n\n引き続きどうぞよろしくお願いいたします。\n\n{{rep}}',
      en: 'Dear {{person}},\n\nThank you for taking the time to speak with me today.\nI will follow up on what we discussed.\n\nBest regards,\n{{rep}}',
    },
  },
  {
    id: 'materials',
    kind: 'materials',
    name: { ja: '資料送付', en: 'Materials' },
    subject: { ja: '【資料送付】ご案内資料をお送りします', en: 'The materials we discussed' },
    body: {
      ja: '{{company}}\n{{person}} 様\n\n本日はお電話にてありがとうございました。\nお約束の資料を添付にてお送りいたします。\nご不明な点がございましたら、お気軽にお問い合わせください。\n\n{{rep}}',
      en: 'Dear {{person}},\n\nThank you for the call today. Please find attached the materials we discussed.\nDo let me know if you have any questions.\n\nBest regards,\n{{rep}}',
    },
  },
  {
    id: 'scheduling',
    kind: 'scheduling',
    name: { ja: '日程調整', en: 'Scheduling' },
    subject: { ja: '【日程調整】お打ち合わせのお願い', en: 'Finding a time to meet' },
    body: {
      ja: '{{company}}\n{{person}} 様\n\n本日はありがとうございました。\n詳しいご説明の場を設けたく、ご都合のよい日時を2〜3候補いただけますでしょうか。\n\n{{rep}}',
      en: 'Dear {{person}},\n\nThank you for today. Could you suggest two or three times that suit you for a detailed meeting?\n\nBest regards,\n{{rep}}',
    },
  },
  {
    id: 'appointment',
    kind: 'appointment',
    name: { ja: 'アポ確定', en: 'Appointment confirmed' },
    subject: { ja: '【日程確定】{{appointment}} お打ち合わせ', en: 'Meeting confirmed: {{appointment}}' },
    body: {
      ja: '{{company}}\n{{person}} 様\n\nお打ち合わせの日程が確定しましたのでご連絡いたします。\n\n日時：{{appointment}}\n担当：{{fieldRep}}\n\n当日はどうぞよろしくお願いいたします。\n\n{{rep}}',
      en: 'Dear {{person}},\n\nOur meeting is confirmed.\n\nWhen: {{appointment}}\nWith: {{fieldRep}}\n\nI look forward to it.\n\nBest regards,\n{{rep}}',
    },
  },
];
