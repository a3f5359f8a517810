import type { TalkSet } from '../../contract/talk';

/**
 * The set Koma ships with (version 0 until the team saves its own): one script per common
 * situation and the objections reps hear most, each with answers that lead back to the hearing.
 * Written for Koma; teams replace it in Settings or import their own file.
 */
export const defaultTalkSet: TalkSet = {
  scripts: [
    {
      id: 'web-inquiry-first',
      name: { ja: 'Webお問い合わせ：初回架電', en: 'Web inquiry: first call' },
      sources: ['web_inquiry'],
      stages: ['first_call'],
      steps: [
        {
          heading: { ja: '名乗り・目的', en: 'Who and why' },
          body: {
            ja: '{{company}}の{{person}}様でいらっしゃいますか。私、{{rep}}と申します。先ほどWebサイトからお問い合わせいただき、ありがとうございます。内容を確認させていただきたく、お電話しました。2〜3分よろしいでしょうか。',
            en: 'Am I speaking with {{person}} at {{company}}? This is {{rep}}. Thank you for your inquiry on our website; I am calling to make sure we answer it well. Do you have two or three minutes?',
          },
          bant: null,
        },
        {
          heading: { ja: '課題の確認', en: 'The need' },
          body: {
            ja: 'お問い合わせのきっかけを伺えますか。今どのような課題があり、何を解決したいとお考えでしょうか。',
            en: 'What prompted your inquiry? What problem are you trying to solve right now?',
          },
          bant: 'need',
        },
        {
          heading: { ja: '導入時期', en: 'Timeline' },
          body: { ja: 'いつ頃までに解決できると理想的でしょうか。その時期には何か理由がありますか。', en: 'By when would you ideally solve it, and what drives that date?' },
          bant: 'timeline',
        },
        {
          heading: { ja: '検討体制', en: 'Authority' },
          body: {
            ja: '{{title}}のお立場から見て、導入を決めるのはどなたになりますか。稟議はどのように進みますか。',
            en: 'As {{title}}, who would decide on this, and how does approval (稟議) work at {{company}}?',
          },
          bant: 'authority',
        },
        {
          heading: { ja: '予算', en: 'Budget' },
          body: { ja: '今期、この件のご予算は確保されていますか。おおよその規模感はお決まりですか。', en: 'Is there budget for this in the current period, and roughly how much?' },
          bant: 'budget',
        },
        {
          heading: { ja: '次のステップ', en: 'Next step' },
          body: {
            ja: '詳しくは担当の営業からご説明します。来週でご都合のよい日時はありますか。',
            en: 'A colleague from field sales can walk you through the details. When would suit you next week?',
          },
          bant: null,
        },
      ],
    },
    {
      id: 'seminar-follow-up',
      name: { ja: 'セミナー参加者フォロー', en: 'Seminar follow-up' },
      sources: ['seminar'],
      stages: [],
      steps: [
        {
          heading: { ja: 'お礼', en: 'Thanks' },
          body: {
            ja: '{{company}}の{{person}}様、{{rep}}です。先日は「{{seminar}}」にご参加いただき、ありがとうございました。',
            en: '{{person}} at {{company}}, this is {{rep}}. Thank you for attending "{{seminar}}".',
          },
          bant: null,
        },
        {
          heading: { ja: '感想と課題', en: 'Impressions and need' },
          body: {
            ja: 'ご参加いただいた理由と、特に参考になった点を伺えますか。社内で同じような課題はありますか。',
            en: 'What made you join, and what was most useful? Do you have a similar challenge at your company?',
          },
          bant: 'need',
        },
        {
          heading: { ja: '時期', en: 'Timeline' },
          body: { ja: '具体的な検討はいつ頃を予定されていますか。', en: 'When do you plan to look at this seriously?' },
          bant: 'timeline',
        },
        {
          heading: { ja: '次のステップ', en: 'Next step' },
          body: {
            ja: '貴社の状況に合わせた事例をご紹介できます。30分ほどお時間をいただけませんか。',
            en: 'We can show a case close to your situation. Could we have 30 minutes?',
          },
          bant: null,
        },
      ],
    },
    {
      id: 'download-first',
      name: { ja: '資料ダウンロード：初回架電', en: 'Content download: first call' },
      sources: ['content_download'],
      stages: ['first_call'],
      steps: [
        {
          heading: { ja: '名乗り', en: 'Opening' },
          body: {
            ja: '{{company}}の{{person}}様でしょうか。{{rep}}と申します。「{{lastDownload}}」をダウンロードいただき、ありがとうございます。',
            en: 'Is this {{person}} at {{company}}? This is {{rep}}. Thank you for downloading "{{lastDownload}}".',
          },
          bant: null,
        },
        {
          heading: { ja: '情報収集の目的', en: 'Why they looked' },
          body: { ja: '情報収集のきっかけを伺えますか。どのような点をお調べでしたか。', en: 'What led you to look into this? What were you trying to find out?' },
          bant: 'need',
        },
        {
          heading: { ja: '次のステップ', en: 'Next step' },
          body: {
            ja: 'よろしければ、資料の補足を15分ほどでご説明します。ご都合はいかがでしょうか。',
            en: 'If it helps, I can go through the material with you in 15 minutes. When would suit you?',
          },
          bant: null,
        },
      ],
    },
    {
      id: 'recycled-return',
      name: { ja: 'リサイクルリード：再アプローチ', en: 'Recycled lead: back in touch' },
      sources: [],
      stages: ['recycled'],
      steps: [
        {
          heading: { ja: '前回からの続き', en: 'Picking up' },
          body: {
            ja: '{{company}}の{{person}}様、{{rep}}です。以前お話しした際に、改めてご連絡するお約束でしたのでお電話しました。',
            en: '{{person}} at {{company}}, this is {{rep}}. When we last spoke we agreed I would call again, so here I am.',
          },
          bant: null,
        },
        {
          heading: { ja: '状況の変化', en: 'What changed' },
          body: { ja: 'その後、状況に変化はありましたか。課題の優先度は上がっていますか。', en: 'Has anything changed since? Has the problem become more pressing?' },
          bant: 'need',
        },
        {
          heading: { ja: '予算と時期', en: 'Budget and timing' },
          body: { ja: '来期のご予算や検討時期は見えてきましたか。', en: 'Is next period’s budget or timing clearer now?' },
          bant: 'budget',
        },
      ],
    },
    {
      id: 'general',
      name: { ja: '基本スクリプト', en: 'General script' },
      sources: [],
      stages: [],
      steps: [
        {
          heading: { ja: '名乗り・目的', en: 'Who and why' },
          body: {
            ja: '{{company}}の{{person}}様でいらっしゃいますか。{{rep}}と申します。{{department}}の皆様の業務効率化についてご案内したく、お電話しました。',
            en: 'Am I speaking with {{person}} at {{company}}? This is {{rep}}. I am calling about making work easier for {{department}}.',
          },
          bant: null,
        },
        {
          heading: { ja: '課題の確認', en: 'The need' },
          body: { ja: '現在、どのような点にお困りですか。', en: 'What is getting in your way at the moment?' },
          bant: 'need',
        },
        {
          heading: { ja: '決裁者', en: 'Authority' },
          body: { ja: 'こうした件は、どなたがご判断されますか。', en: 'Who decides on matters like this?' },
          bant: 'authority',
        },
        {
          heading: { ja: '予算', en: 'Budget' },
          body: { ja: 'ご予算の目安はお決まりですか。', en: 'Is there a budget in mind?' },
          bant: 'budget',
        },
        {
          heading: { ja: '時期', en: 'Timeline' },
          body: { ja: 'いつ頃の導入をお考えですか。', en: 'When would you want this in place?' },
          bant: 'timeline',
        },
      ],
    },
  ],
  cards: [
    {
      id: 'busy',
      title: { ja: '今は忙しい', en: 'I’m busy right now' },
      answers: [
        { ja: '失礼しました。1分だけ、ご用件だけお伝えしてもよろしいですか。', en: 'Sorry to interrupt. May I take one minute to say why I called?' },
        { ja: '改めてお電話します。本日の夕方と明日の午前では、どちらがよろしいですか。', en: 'I will call back. Would this evening or tomorrow morning be better?' },
      ],
    },
    {
      id: 'no-budget',
      title: { ja: '予算がない', en: 'We have no budget' },
      answers: [
        { ja: '承知しました。来期の予算策定はいつ頃から始まりますか。その前に情報をお届けします。', en: 'Understood. When does planning for next period’s budget start? I can send information before then.' },
        { ja: '費用対効果の試算だけでもお役に立てるかもしれません。課題の大きさを伺えますか。', en: 'A quick estimate of the return might still help. How big is the problem for you?' },
      ],
    },
    {
      id: 'using-competitor',
      title: { ja: '他社を使っている', en: 'We already use another vendor' },
      answers: [
        { ja: 'そうでしたか。現在のツールで、もう少しこうなればという点はありますか。', en: 'I see. Is there anything you wish your current tool did better?' },
        { ja: '契約の更新時期はいつ頃ですか。比較の材料としてお役に立てます。', en: 'When is your renewal? We can help you compare before then.' },
      ],
    },
    {
      id: 'send-materials',
      title: { ja: '資料だけ送って', en: 'Just send me the materials' },
      answers: [
        { ja: 'かしこまりました。貴社に合う資料をお送りしたいので、特にご関心のある点を一つだけ教えていただけますか。', en: 'Of course. So I send the right one, which point interests you most?' },
        { ja: 'お送りした後、内容の補足に5分ほどお電話してもよろしいですか。', en: 'May I call for five minutes after you have had a look?' },
      ],
    },
    {
      id: 'not-decision-maker',
      title: { ja: '担当ではない', en: 'I’m not the right person' },
      answers: [
        { ja: '失礼しました。この件はどなたがご担当でしょうか。お名前を伺ってもよろしいですか。', en: 'My apologies. Who looks after this? May I have their name?' },
        { ja: 'ご担当の方へ、〇〇様からご紹介いただいたとお伝えしてもよろしいですか。', en: 'May I tell them you pointed me to them?' },
      ],
    },
    {
      id: 'no-need',
      title: { ja: '今は必要ない', en: 'We don’t need it' },
      answers: [
        { ja: '承知しました。ちなみに、今の進め方で手間がかかっている作業はありませんか。', en: 'Understood. Is there any part of the current way of working that takes too much effort?' },
        { ja: '状況が変わることもあるかと思います。半年後に改めてご連絡してもよろしいですか。', en: 'Things change; may I check back in six months?' },
      ],
    },
    {
      id: 'not-now',
      title: { ja: '検討は来期以降', en: 'Not until next period' },
      answers: [
        { ja: '来期に向けて、いつ頃から情報収集を始められますか。その時期にご連絡します。', en: 'When will you start looking for next period? I will be in touch then.' },
        { ja: '早めに比較しておくと稟議がスムーズです。事例だけ先にお送りしましょうか。', en: 'Comparing early makes approval easier. Shall I send a case study now?' },
      ],
    },
    {
      id: 'email-instead',
      title: { ja: 'メールで連絡して', en: 'Email me instead' },
      answers: [
        { ja: 'かしこまりました。{{person}}様のメールアドレスに要点をお送りします。件名は「{{company}}様向けご案内」とします。', en: 'Certainly. I will email you the key points with the subject "For {{company}}".' },
        { ja: 'メールを読まれた後、ご質問があればこの番号にお電話ください。', en: 'If anything is unclear after reading, call me on this number.' },
      ],
    },
  ],
};
