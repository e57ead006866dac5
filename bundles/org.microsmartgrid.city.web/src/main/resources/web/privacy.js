/* "I miei dati / My data" (GDPR, docs/people.md "Personal data"): a download of everything the city keeps about the
   account (the server sends it as an attachment), and deleting the account: the password again and a word typed to
   confirm, since it cannot be undone; only anonymous statistics stay. */
'use strict';
(function () {
  const A = window.MSG_ACCOUNT, K = A.kit, F = window.MSG_FORMS, el = F.el, I = window.MSG_I18N;
  const t = (...a) => I.t(...a);

  A.section(90, () => el('section', { 'aria-labelledby': 'data-h' }, el('h3', { id: 'data-h', text: t('myData') }),
    el('p', { class: 'hint', text: t('dataHint') }),
    // a plain link: the cookie goes with it and the answer is an attachment (no script holds the data)
    el('p', {}, el('a', { class: 'button', id: 'data-download', href: '/api/v1/account/data', download: 'micro-smart-grid-data.json',
      text: t('dataDownload') })),
    el('h4', { id: 'delete-h', text: t('deleteAccount') }), el('p', { class: 'hint', text: t('deleteHint') }), deleteForm()));

  function deleteForm() {
    return F.form({ id: 'delete-account', label: 'deleteAccount', submit: 'deleteSend', fields: [
      { name: 'password', label: 'password', type: 'password', required: true, maxlength: 128, autocomplete: 'current-password' },
      { name: 'word', label: 'deleteType', required: true, maxlength: 20, hint: 'deleteTypeHint',
        check: v => v.word.toUpperCase() === t('deleteWord') ? '' : t('e_deleteWord', t('deleteWord')) }],
    onSubmit: async v => {
      await K.call('DELETE', '/account', { password: v.password });
      K.forget('accountDeleted');
      return null;
    } });
  }
})();
