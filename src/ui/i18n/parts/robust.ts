import { definePart } from './part';

/** UI text of robustness: engine restart after a crash, changes made in another tab. */
export const robustText = definePart({
  en: {
    'robust.restarted': 'The calculation engine stopped unexpectedly and was restarted. Your saved data is safe; a step that was running may need to be done again.',
    'robust.gaveUp': 'The calculation engine keeps stopping. Reload the page to continue.',
    'robust.dismiss': 'OK',
    'robust.otherTab': 'Updated with changes made in another tab.',
  },
  'pt-BR': {
    'robust.restarted': 'O motor de cálculo parou inesperadamente e foi reiniciado. Seus dados salvos estão seguros; uma etapa em andamento pode precisar ser refeita.',
    'robust.gaveUp': 'O motor de cálculo continua parando. Recarregue a página para continuar.',
    'robust.dismiss': 'OK',
    'robust.otherTab': 'Atualizado com alterações feitas em outra aba.',
  },
  es: {
    'robust.restarted': 'El motor de cálculo se detuvo inesperadamente y se reinició. Sus datos guardados están a salvo; un paso en curso puede necesitar repetirse.',
    'robust.gaveUp': 'El motor de cálculo sigue deteniéndose. Recargue la página para continuar.',
    'robust.dismiss': 'Aceptar',
    'robust.otherTab': 'Actualizado con cambios hechos en otra pestaña.',
  },
});
