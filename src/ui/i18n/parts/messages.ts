import { definePart } from './part';

/**
 * UI text of messages the worker sends as codes with parameters (their English text stays for the CLI): import
 * errors that stop a whole file, worker failures, and the notice that another tab updated Tarifa.
 */
export const messagesText = definePart({
  en: {
    'msg.outdated.title': 'Tarifa was updated in another tab',
    'msg.outdated.body': 'Another tab opened a newer version of Tarifa and upgraded your stored data. This tab can no longer read it: reload to keep working. Nothing saved is lost.',
    'msg.outdated.reload': 'Reload',
    'msg.outdated.failure': 'Tarifa was updated in another tab: reload this tab to keep working.',
  },
  'pt-BR': {
    'msg.outdated.title': 'O Tarifa foi atualizado em outra aba',
    'msg.outdated.body': 'Outra aba abriu uma versão mais nova do Tarifa e atualizou seus dados salvos. Esta aba não consegue mais lê-los: recarregue para continuar. Nada do que foi salvo se perde.',
    'msg.outdated.reload': 'Recarregar',
    'msg.outdated.failure': 'O Tarifa foi atualizado em outra aba: recarregue esta aba para continuar.',
  },
  es: {
    'msg.outdated.title': 'Tarifa se actualizó en otra pestaña',
    'msg.outdated.body': 'Otra pestaña abrió una versión más nueva de Tarifa y actualizó sus datos guardados. Esta pestaña ya no puede leerlos: recargue para seguir trabajando. No se pierde nada de lo guardado.',
    'msg.outdated.reload': 'Recargar',
    'msg.outdated.failure': 'Tarifa se actualizó en otra pestaña: recargue esta pestaña para seguir trabajando.',
  },
});
