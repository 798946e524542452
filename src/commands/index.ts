/** Function file entry: register the ribbon commands on the real adapter. */
import "../shared/es2017-polyfills";
import { createOperations } from "../excel/operations";
import { chooseLang } from "../shared/i18n";
import { showDialog } from "../shared/notify";
import { dialogUrl, registerCommands } from "./commands";

Office.onReady(() => {
  registerCommands(createOperations(), {
    lang: chooseLang(Office.context.displayLanguage),
    show: (report) => showDialog(dialogUrl(location.href, report)),
  });
});
